// Lets the fixture's TSX type-check without React installed (keeps the Problems panel to PHI Guard's findings).
declare namespace JSX {
  interface IntrinsicElements {
    [name: string]: Record<string, unknown>;
  }
}
