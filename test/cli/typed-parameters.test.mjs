// A parameter annotated with a type whose own fields are PHI (`data: VitalsFormData`) carries them
// when it is logged whole, also when the type is declared in another module of the workspace
// (the index's summaries carry the types' PHI fields) and re-exported through a barrel.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingLines, tempProject } from './run-cli.mjs';

const files = {
  'src/types/vitals.ts': 'export interface VitalsFormData { systolic: number; diastolic: number; heartRate: number }\n',
  'src/types/reminders.ts': 'export interface ReminderEmailOptions { recipientEmail: string; recipientName: string }\n',
  'src/types/index.ts': "export * from './vitals';\nexport * from './reminders';\n",
  'src/room.tsx': [
    "import type { VitalsFormData, ReminderEmailOptions } from './types';",
    'export function MeetingRoom() {',
    '  const handleSaveVitals = async (data: VitalsFormData) => {',
    "    console.log('Vitals captured:', data);",
    '  };',
    '  const remind = (options: ReminderEmailOptions) => {',
    "    console.log('Reminder sent', options);",
    '  };',
    '  return { handleSaveVitals, remind };',
    '}',
    '',
  ].join('\n'),
};

test('a type imported through a barrel whose fields are vitals makes the logged parameter PHI; a mail options type does not', () => {
  const cwd = tempProject('typed-parameters', files);
  assert.deepEqual(findingLines(cwd, 'phi-in-log'), ['src/room.tsx:4']);
  assert.deepEqual(findingLines(cwd, 'phi-in-log', '2'), ['src/room.tsx:4'], 'worker threads see the other modules too');
});
