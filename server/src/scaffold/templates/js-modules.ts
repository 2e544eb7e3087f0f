// Import / export lines in the project's module format (CommonJS or ES modules).

import type { ModuleFormat } from '../types';

export class JsModuleWriter {
  constructor(readonly format: ModuleFormat) {}

  /** `const express = require('express');` / `import express from 'express';` */
  importDefault(name: string, specifier: string): string {
    return this.format === 'esm' ? `import ${name} from '${specifier}';` : `const ${name} = require('${specifier}');`;
  }

  /** `const { a, b } = require('./x');` / `import { a, b } from './x.js';` (relative ESM imports need the extension). */
  importNamed(names: readonly string[], specifier: string): string {
    const list = `{ ${names.join(', ')} }`;
    if (this.format === 'esm') return `import ${list} from '${this.withExtension(specifier)}';`;
    return `const ${list} = require('${specifier}');`;
  }

  exportNamed(names: readonly string[]): string {
    return this.format === 'esm' ? `export { ${names.join(', ')} };` : `module.exports = { ${names.join(', ')} };`;
  }

  /** The CommonJS strict-mode prologue (modules are always strict). */
  prologue(): string[] {
    return this.format === 'esm' ? [] : ["'use strict';", ''];
  }

  private withExtension(specifier: string): string {
    return specifier.startsWith('.') && !/\.(c|m)?js$/.test(specifier) ? `${specifier}.js` : specifier;
  }
}
