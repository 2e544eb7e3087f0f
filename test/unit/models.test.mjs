// unencrypted-phi-field and hardcoded-ai-key: fix texts per ORM / provider (before -> after, the
// result re-parsed and re-analysed), Prisma as a language, policy effects, masking, odd input.
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

/** Applies the one finding's preferred fix; checks the result parses as well and is clean for the rule. */
function fixed(text, file, ruleId, p = policy()) {
  const e = engine();
  const result = analyze(text, file, p);
  const findings = result.findings.filter((f) => f.ruleId === ruleId);
  assert.equal(findings.length, 1, JSON.stringify(result.findings.map((f) => f.message)));
  const fix = findings[0].fixes.find((f) => f.isPreferred);
  assert.ok(fix, 'has a preferred fix');
  const out = e.applyTextEdits(text, fix.edits);
  const language = e.languageFromPath(file);
  assert.ok(e.countSyntaxErrors(out, language) <= e.countSyntaxErrors(text, language), `fix adds a syntax error:\n${out}`);
  assert.deepEqual(analyze(out, file, p).findings.filter((f) => f.ruleId === ruleId).map((f) => f.message), [], `still reported:\n${out}`);
  return out;
}

describe('unencrypted-phi-field fixes', () => {
  test('SQLAlchemy Column: wrapped in StringEncryptedType with the key the module already uses', () => {
    const text = 'from sqlalchemy import Column, String\nfrom sqlalchemy_utils import StringEncryptedType\nfrom app.keys import KEY\n\nclass Patient(Base):\n    ssn = Column(String(11))\n    other = Column(StringEncryptedType(String, KEY))\n';
    assert.match(fixed(text, 'm.py', 'unencrypted-phi-field'), /ssn = Column\(StringEncryptedType\(String\(11\), KEY\)\)/);
  });

  test('SQLAlchemy with no key in the module: FIELD_ENCRYPTION_KEY read from the environment, imports added', () => {
    const text = 'from sqlalchemy import Column, String\n\nclass Patient(Base):\n    diagnosis = Column(String)\n';
    assert.equal(
      fixed(text, 'm.py', 'unencrypted-phi-field'),
      'from sqlalchemy import Column, String\nimport os\nfrom sqlalchemy_utils import StringEncryptedType\nFIELD_ENCRYPTION_KEY = os.environ["FIELD_ENCRYPTION_KEY"]\n\nclass Patient(Base):\n    diagnosis = Column(StringEncryptedType(String, FIELD_ENCRYPTION_KEY))\n',
    );
  });

  test('SQLAlchemy 2.0: mapped_column without a type and a bare Mapped annotation', () => {
    const head = 'import os\nfrom sqlalchemy import String\nfrom sqlalchemy.orm import Mapped, mapped_column\nfrom sqlalchemy_utils import StringEncryptedType\nFIELD_ENCRYPTION_KEY = os.environ["FIELD_ENCRYPTION_KEY"]\n\nclass Patient(Base):\n';
    assert.match(fixed(`${head}    ssn: Mapped[str] = mapped_column(nullable=False)\n`, 'm.py', 'unencrypted-phi-field'), /mapped_column\(StringEncryptedType\(String, FIELD_ENCRYPTION_KEY\), nullable=False\)/);
    assert.match(fixed(`${head}    ssn: Mapped[str]\n`, 'm.py', 'unencrypted-phi-field'), /ssn: Mapped\[str\] = mapped_column\(StringEncryptedType\(String, FIELD_ENCRYPTION_KEY\)\)/);
  });

  test('SQLModel: sa_type added to Field, trailing comma kept valid', () => {
    const text = 'from sqlmodel import Field, SQLModel\nfrom sqlalchemy import String\n\nclass Patient(SQLModel, table=True):\n    ssn: str = Field(\n        max_length=11,\n    )\n';
    const out = fixed(text, 'm.py', 'unencrypted-phi-field');
    assert.match(out, /max_length=11, sa_type=StringEncryptedType\(String, FIELD_ENCRYPTION_KEY\)/);
  });

  test('Django: encrypt(...) from django-cryptography', () => {
    const text = 'from django.db import models\n\nclass Patient(models.Model):\n    ssn = models.CharField(max_length=11)\n';
    assert.equal(
      fixed(text, 'm.py', 'unencrypted-phi-field'),
      'from django.db import models\nfrom django_cryptography.fields import encrypt\n\nclass Patient(models.Model):\n    ssn = encrypt(models.CharField(max_length=11))\n',
    );
  });

  test('Prisma: /// @encrypted trailing, or above a line that has a comment', () => {
    assert.equal(fixed('model Patient {\n  id  String @id\n  ssn String\n}\n', 'schema.prisma', 'unencrypted-phi-field'), 'model Patient {\n  id  String @id\n  ssn String /// @encrypted\n}\n');
    assert.equal(
      fixed('model Patient {\n  id  String @id\n  ssn String // legacy\n}\n', 'schema.prisma', 'unencrypted-phi-field'),
      'model Patient {\n  id  String @id\n  /// @encrypted\n  ssn String // legacy\n}\n',
    );
  });

  test('TypeORM: transformer option added in every @Column shape', () => {
    const wrap = (decorator) => `import { Column, Entity } from 'typeorm';\n@Entity()\nexport class Patient {\n  ${decorator}\n  ssn: string;\n}\n`;
    assert.match(fixed(wrap('@Column()'), 'e.ts', 'unencrypted-phi-field'), /@Column\(\{ transformer: encryptionTransformer \}\)/);
    assert.match(fixed(wrap("@Column('varchar')"), 'e.ts', 'unencrypted-phi-field'), /@Column\('varchar', \{ transformer: encryptionTransformer \}\)/);
    assert.match(fixed(wrap("@Column({ type: 'varchar' })"), 'e.ts', 'unencrypted-phi-field'), /@Column\(\{ type: 'varchar', transformer: encryptionTransformer \}\)/);
    assert.match(fixed(wrap('@Column({})'), 'e.ts', 'unencrypted-phi-field'), /@Column\(\{ transformer: encryptionTransformer \}\)/);
  });

  test('TypeORM: the transformer the policy names, with its import', () => {
    const p = policy({ encryption: { types: ['@/security/crypto#piiTransformer'], required: ['ssn', 'diagnosis'] } });
    const text = "import { Column, Entity } from 'typeorm';\n@Entity()\nexport class Patient {\n  @Column() ssn: string;\n}\n";
    const out = fixed(text, 'e.ts', 'unencrypted-phi-field', p);
    assert.match(out, /import \{ piiTransformer \} from '@\/security\/crypto';/);
    assert.match(out, /@Column\(\{ transformer: piiTransformer \}\) ssn: string;/);
  });

  test('Sequelize: the attribute wrapped in an encrypting helper', () => {
    const text = "const P = sequelize.define('Patient', {\n  ssn: DataTypes.STRING,\n});\n";
    assert.match(fixed(text, 'm.js', 'unencrypted-phi-field'), /ssn: encryptedAttribute\(DataTypes\.STRING\),/);
  });

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

  test('Mongoose: the mongoose-field-encryption plugin is added, then extended', () => {
    const text = "import { Schema } from 'mongoose';\nconst PatientSchema = new Schema({\n  ssn: String,\n  diagnosis: String,\n});\nexport default PatientSchema;\n";
    const e = engine();
    const first = analyze(text, 'm.ts').findings[0];
    const once = e.applyTextEdits(text, first.fixes.find((f) => f.isPreferred).edits);
    assert.match(once, /import \{ fieldEncryption \} from 'mongoose-field-encryption';/);
    assert.match(once, /\nPatientSchema\.plugin\(fieldEncryption, \{ fields: \['ssn'\], secret: process\.env\.FIELD_ENCRYPTION_KEY \}\);\n/);
    const twice = fixed(once, 'm.ts', 'unencrypted-phi-field');
    assert.match(twice, /fields: \['ssn', 'diagnosis'\]/);
  });

  test('suppress fix for the rule', () => {
    const text = 'class Patient(Base):\n    ssn = Column(String)\n';
    const suppress = analyze(text, 'm.py').findings[0].fixes.find((f) => f.kind === 'suppress');
    const out = engine().applyTextEdits(text, suppress.edits);
    assert.deepEqual(rules(out, 'm.py'), ['2:unjustified-suppression']);
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

describe('hardcoded-ai-key', () => {
  const KEY = 'sk-proj-Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6J7k8L9z0';

  test('never prints the key: message, fix titles, flow, sink', () => {
    const result = analyze(`from openai import OpenAI\nclient = OpenAI(api_key="${KEY}")\n`, 'a.py');
    const json = JSON.stringify(result.findings.map((f) => ({ ...f, fixes: f.fixes.map((x) => x.title) })));
    assert.equal(result.findings.length, 1);
    assert.ok(!json.includes(KEY.slice(0, 12)), json);
    assert.match(result.findings[0].message, /\(sk-p…\)/);
  });

  test('Python: os.environ with import os; assignment to a provider-named variable keeps its name', () => {
    assert.equal(
      fixed(`#!/usr/bin/env python\nfrom openai import OpenAI\nclient = OpenAI(api_key="${KEY}")\n`, 'a.py', 'hardcoded-ai-key'),
      '#!/usr/bin/env python\nfrom openai import OpenAI\nimport os\nclient = OpenAI(api_key=os.environ["OPENAI_API_KEY"])\n',
    );
    assert.equal(fixed(`import os\nGEMINI_API_KEY = "AIzaSyB8k3Lm9Qw2Zx7Vn4Rt6Yh1Jd5Fs0Gc3Pa"\n`, 'a.py', 'hardcoded-ai-key'), 'import os\nGEMINI_API_KEY = os.environ["GEMINI_API_KEY"]\n');
  });

  test('TypeScript: process.env, Bearer header kept, env writes removed', () => {
    assert.equal(fixed(`const c = new OpenAI({ apiKey: '${KEY}' });\n`, 'a.ts', 'hardcoded-ai-key'), 'const c = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });\n');
    assert.equal(fixed(`const h = { Authorization: 'Bearer ${KEY}' };\n`, 'a.ts', 'hardcoded-ai-key'), 'const h = { Authorization: `Bearer ${process.env.OPENAI_API_KEY}` };\n');
    assert.equal(fixed(`process.env.OPENAI_API_KEY = '${KEY}';\nmain();\n`, 'a.ts', 'hardcoded-ai-key'), 'main();\n');
  });

  test('no finding for environment reads, placeholders, fakes, docs and comments', () => {
    const text = [
      'import os',
      'a = OpenAI(api_key=os.environ["OPENAI_API_KEY"])',
      'b = OpenAI(api_key="sk-...")',
      'c = OpenAI(api_key="your-api-key")',
      'd = OpenAI(api_key="<OPENAI_API_KEY>")',
      'e = OpenAI(api_key="")',
      'f = OpenAI(api_key="sk-fake-Q1w2E3r4T5y6U7i8O9p0A1s2D3f4")',
      'g = OpenAI(api_key="sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")',
      `# OpenAI(api_key="${KEY}")`,
      `"""Example: OpenAI(api_key="${KEY}")"""`,
      '',
    ].join('\n');
    assert.deepEqual(rules(text, 'a.py'), []);
  });

  test('odd input never throws', () => {
    for (const text of ['x = "', 'OpenAI(api_key=', 'class P(Base):\n    ssn = Column(', 'model P {\n  ssn\n', '@Column(\nssn: string', 'new Schema({ ssn: ']) {
      for (const file of ['a.py', 'a.ts', 'schema.prisma', 'a.js']) {
        const result = analyze(text, file);
        assert.deepEqual(result.ruleFailures, []);
      }
    }
  });
});
