// Persistence models: which ORM a model belongs to (in the editor too), the policy's effect on
// unencrypted-phi-field, Prisma as a language, odd input. The fix texts per ORM and per AI
// provider are test/rules' before/after fixtures.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { engine, loadEngine } from '../support/engine.mjs';

before(loadEngine);

const policy = (overrides = {}) => ({ ...engine().defaultPolicy(), ...overrides });

function analyze(text, file, p = policy()) {
  return engine().analyze({ text, path: file }, p);
}

function rules(text, file, p) {
  return analyze(text, file, p).findings.map((f) => `${f.line + 1}:${f.ruleId}`);
}

describe('unencrypted-phi-field: the ORM of a model', () => {
  test('sequelize-typescript @Column: a Sequelize finding, without the TypeORM transformer fix, in the editor too', () => {
    // The ORM comes from the file's imports, a statement of its own: the editor's incremental
    // extraction settles it when statements are merged, after an edit as on a fresh analysis.
    const text = "import { Column, Model, Table } from 'sequelize-typescript';\n\n@Table\nexport class Patient extends Model {\n  @Column\n  ssn: string;\n}\n";
    const summary = (result) => result.findings.filter((f) => f.ruleId === 'unencrypted-phi-field').map((f) => [f.message.includes('(Sequelize)'), f.fixes.some((fix) => fix.isPreferred)]);
    assert.deepEqual(summary(analyze(text, 'p.ts')), [[true, false]]);
    const { ParsedDocument, analyzeDocument } = engine();
    const document = new ParsedDocument('typescript', text);
    try {
      analyzeDocument(document, 'p.ts', policy());
      document.applyChanges([{ range: { start: { line: 6, character: 1 }, end: { line: 6, character: 1 } }, text: '\n' }]);
      assert.deepEqual(summary(analyzeDocument(document, 'p.ts', policy())), [[true, false]]);
    } finally {
      document.dispose();
    }
    // The same class with TypeORM's Column gets the transformer fix.
    assert.deepEqual(summary(analyze(text.replace('sequelize-typescript', 'typeorm'), 'p.ts')), [[false, true]]);
  });
});

describe('unencrypted-phi-field policy', () => {
  test('phi.add encrypt: true and encryption.required add elements; encryption.types adds encrypted types', () => {
    const text = 'class Patient(Base):\n    aadhar_number = Column(String)\n    dob = Column(String)\n    ssn = Column(SecureText)\n';
    assert.deepEqual(rules(text, 'm.py'), ['4:unencrypted-phi-field']);
    const p = policy({
      phi: { ...engine().defaultPolicy().phi, add: [{ name: 'aadhar_number', category: 'demographics', encrypt: true }] },
      encryption: { types: ['SecureText'], required: ['ssn', 'diagnosis', 'date_of_birth'] },
    });
    assert.deepEqual(rules(text, 'm.py', p), ['2:unencrypted-phi-field', '3:unencrypted-phi-field']);
  });

  test('fields holding rules over codes (a prefix, patterns) are configuration, not a diagnosis', () => {
    const text = 'model ClaimValidationRule {\n  id String @id\n  requiredICDPrefix String?\n  allowedICDPatterns String[]\n  diagnosisCode String\n}\n';
    assert.deepEqual(rules(text, 'schema.prisma'), ['5:unencrypted-phi-field']);
  });

  test('pydantic schemas and non-person models are not persistence PHI', () => {
    const text = 'class PatientIn(BaseModel):\n    ssn: str = Field(max_length=11)\n\nclass Provider(Base):\n    ssn = Column(String)\n';
    assert.deepEqual(rules(text, 'm.py'), []);
  });
});

describe('Prisma as a language', () => {
  test('schema.prisma is analysed without tree-sitter, incrementally too', () => {
    const e = engine();
    assert.equal(e.languageFromPath('prisma/schema.prisma'), 'prisma');
    const doc = new e.ParsedDocument('prisma', 'model P {\n  ssn String /// @encrypted\n}\n');
    assert.deepEqual(e.analyzeDocument(doc, 'schema.prisma', e.defaultPolicy()).findings, []);
    doc.applyChanges([{ range: { start: { line: 1, character: 12 }, end: { line: 1, character: 27 } }, text: '' }]);
    assert.equal(doc.text, 'model P {\n  ssn String\n}\n');
    const result = e.analyzeDocument(doc, 'schema.prisma', e.defaultPolicy());
    assert.deepEqual(result.findings.map((f) => [f.line, f.ruleId]), [[1, 'unencrypted-phi-field']]);
    assert.equal(result.hasSyntaxErrors, false);
    doc.dispose();
  });

  test('suppression comments and syntax errors', () => {
    const text = 'model P {\n  // phi-guard: ignore[unencrypted-phi-field] -- vault tokens only\n  ssn String\n}\n';
    const result = analyze(text, 'schema.prisma');
    assert.deepEqual(result.findings, []);
    assert.equal(result.suppressed.length, 1);
    assert.equal(engine().countSyntaxErrors('model P {\n  ssn String\n', 'prisma'), 1);
    assert.equal(analyze('model {{\n', 'schema.prisma').hasSyntaxErrors, true);
  });
});

describe('odd input', () => {
  test('odd input never throws', () => {
    for (const text of ['x = "', 'OpenAI(api_key=', 'class P(Base):\n    ssn = Column(', 'model P {\n  ssn\n', '@Column(\nssn: string', 'new Schema({ ssn: ']) {
      for (const file of ['a.py', 'a.ts', 'schema.prisma', 'a.js']) {
        const result = analyze(text, file);
        assert.deepEqual(result.ruleFailures, []);
      }
    }
  });
});
