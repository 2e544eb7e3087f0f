const P = sequelize.define('Patient', {
  ssn: encryptedAttribute(DataTypes.STRING),
});
