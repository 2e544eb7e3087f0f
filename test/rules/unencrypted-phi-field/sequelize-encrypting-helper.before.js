const P = sequelize.define('Patient', {
  ssn: DataTypes.STRING,  // expect: unencrypted-phi-field
});
