// *Create Policy File*: the server writes the starter policy at a workspace folder's root, never
// through a symbolic link; the client asks before replacing and opens the file.

import { request } from './messages';

export interface CreatePolicyFileParams {
  /** The workspace folder (`file:` URI). */
  folder: string;
  /** Replace an existing file (the user said so). */
  overwrite: boolean;
}

export type CreatePolicyFileResult =
  /** `uri`: the file written. */
  | { status: 'written'; uri: string }
  /** The file exists and `overwrite` was not set: nothing was written. */
  | { status: 'exists'; uri: string }
  /** Refused (a symbolic link in the way, not a folder on disk...): nothing was written. */
  | { status: 'refused'; reason: string };

export const CreatePolicyFileRequest = request<CreatePolicyFileParams, CreatePolicyFileResult>('phiGuard/createPolicyFile');
