// The smallest extension there is: the activation-time baseline (VS Code's own cost of activating).
exports.activate = function activate() {};
exports.deactivate = function deactivate() {};
