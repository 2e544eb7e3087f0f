// Helpers that drive the VS Code workbench (served by code-server) the way a person does: quick
// open, the command palette, the Problems panel, hovers and the quick-fix menu. Every helper
// waits on a condition in the DOM; none sleeps for a fixed time.

import { waitUntil } from './wait.mjs';

const NBSP = /\u00a0/g;

export class Workbench {
  constructor(page) {
    this.page = page;
  }

  /** The editor that has the focus-visible tab, i.e. the active text editor. */
  activeEditor() {
    return this.page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
  }

  async waitForWorkbench() {
    await this.page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    // The explorer lists the workspace once the file service is up.
    await this.page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
    await this.dismissDistractions();
  }

  /** Closes the secondary side bar (chat) and notification toasts if they are in the way. */
  async dismissDistractions() {
    await this.runCommandIfPresent('View: Close Secondary Side Bar');
    await this.runCommandIfPresent('Notifications: Clear All Notifications');
  }

  async pressEscape(times = 1) {
    for (let i = 0; i < times; i++) await this.page.keyboard.press('Escape');
  }

  // ---- quick input -------------------------------------------------------------------------

  quickInput() {
    return this.page.locator('.quick-input-widget');
  }

  async openQuickInput(prefix) {
    await this.pressEscape();
    await this.page.keyboard.press('F1');
    const input = this.quickInput().locator('input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill(prefix);
    return input;
  }

  /** Labels of the rows currently listed in the quick input. */
  async quickInputLabels() {
    return this.quickInput()
      .locator('.monaco-list-row')
      .evaluateAll((rows) => rows.map((row) => (row.getAttribute('aria-label') || row.textContent || '').trim()));
  }

  async waitForQuickInputRow(text, timeout = 15_000) {
    return waitUntil(
      async () => (await this.quickInputLabels()).find((label) => label.includes(text)),
      { timeout, what: `the quick input to list "${text}"` },
    );
  }

  /** F1, type the command's label, wait for it to be listed, run it. */
  async runCommand(label, { timeout = 15_000 } = {}) {
    await this.openQuickInput(`>${label}`);
    await this.waitForQuickInputRow(label, timeout);
    const row = this.quickInput().locator('.monaco-list-row', { hasText: label }).first();
    await row.click();
    await this.quickInput().waitFor({ state: 'hidden', timeout: 10_000 });
    // The click left the mouse over the tab bar, whose tooltip would cover the breadcrumbs.
    await this.page.mouse.move(900, 640);
  }

  async runCommandIfPresent(label) {
    await this.openQuickInput(`>${label}`);
    try {
      await this.waitForQuickInputRow(label, 3000);
    } catch {
      await this.pressEscape();
      return false;
    }
    await this.page.keyboard.press('Enter');
    await this.quickInput().waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
    return true;
  }

  // ---- editors -----------------------------------------------------------------------------

  /** Quick open (F1 with the `>` removed) by workspace-relative path; waits for its tab. */
  async openFile(relativePath) {
    const name = relativePath.split('/').pop();
    await this.openQuickInput(relativePath);
    await this.waitForQuickInputRow(name, 20_000);
    await this.page.keyboard.press('Enter');
    await this.page
      .locator('.editor-group-container.active .tab.active', { hasText: name })
      .waitFor({ state: 'visible', timeout: 15_000 });
    await this.activeEditor().locator('.view-lines').waitFor({ state: 'visible', timeout: 15_000 });
    await this.focusEditor();
  }

  async focusEditor() {
    await this.activeEditor().locator('.view-lines').click({ position: { x: 5, y: 5 } });
  }

  /** The visible lines of the active editor, in order (Monaco renders them absolutely placed). */
  async editorLines() {
    return this.activeEditor()
      .locator('.view-lines .view-line')
      .evaluateAll((lines) =>
        lines
          .map((line) => ({ top: parseFloat(line.style.top || '0'), text: line.textContent || '' }))
          .sort((a, b) => a.top - b.top)
          .map((line) => line.text),
      )
      .then((lines) => lines.map((l) => l.replace(NBSP, ' ')));
  }

  async editorText() {
    return (await this.editorLines()).join('\n');
  }

  squiggles(kind = 'error') {
    return this.activeEditor().locator(`.squiggly-${kind}`);
  }

  async waitForSquiggleCount(predicate, what, timeout = 60_000) {
    return waitUntil(
      async () => {
        const count = await this.squiggles().count();
        return predicate(count) ? { count } : false;
      },
      { timeout, what },
    );
  }

  /** The rendered line element whose text contains `needle`. */
  lineContaining(needle) {
    return this.activeEditor().locator('.view-lines .view-line', { hasText: needle }).first();
  }

  /**
   * Is there an error squiggle whose box lies on the line containing `needle` and, horizontally,
   * over the span of `fragment` on that line? Returns the squiggle's box.
   */
  async squiggleOver(needle, fragment) {
    const line = this.lineContaining(needle);
    const lineBox = await line.boundingBox();
    if (!lineBox) return null;
    const fragmentBox = await line.evaluate((el, frag) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let offset = 0;
      const nodes = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push({ node: n, start: offset });
        offset += n.textContent.length;
      }
      const text = nodes.map((n) => n.node.textContent).join('').replace(/\u00a0/g, ' ');
      const at = text.indexOf(frag);
      if (at < 0) return null;
      const locate = (pos) => {
        const hit = nodes.find((n) => pos >= n.start && pos <= n.start + n.node.textContent.length);
        return { node: hit.node, offset: pos - hit.start };
      };
      const range = document.createRange();
      const start = locate(at);
      const end = locate(at + frag.length);
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      const r = range.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }, fragment);
    if (!fragmentBox) return null;
    const boxes = await this.squiggles().evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }),
    );
    const midY = lineBox.y + lineBox.height / 2;
    return (
      boxes.find(
        (b) =>
          b.y <= midY &&
          b.y + b.height >= midY &&
          b.x <= fragmentBox.x + 1 &&
          b.x + b.width >= fragmentBox.x + fragmentBox.width - 1,
      ) ?? null
    );
  }

  // ---- problems panel ----------------------------------------------------------------------

  async showProblems() {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible().catch(() => false))) await this.runCommand('View: Focus Problems');
    await panel.waitFor({ state: 'visible', timeout: 15_000 });
    return panel;
  }

  /** Texts of the Problems panel rows (file rows and marker rows). */
  async problemRows() {
    return this.page
      .locator('.markers-panel .monaco-list-row')
      .evaluateAll((rows) => rows.map((row) => `${row.getAttribute('aria-label') || ''} || ${row.textContent || ''}`.replace(/\u00a0/g, ' ')));
  }

  /**
   * The Problems panel as { file, markers: [text] } groups, from the tree's aria-levels (1: the
   * file, 2: a marker, 3: its related information).
   */
  async problemsByFile() {
    return this.page.locator('.markers-panel .monaco-list-row').evaluateAll((rows) => {
      const groups = [];
      for (const row of rows) {
        const level = Number(row.getAttribute('aria-level') || '0');
        const text = `${row.getAttribute('aria-label') || ''} || ${row.textContent || ''}`.replace(/\u00a0/g, ' ');
        if (level === 1) groups.push({ file: text, markers: [] });
        else if (level === 2 && groups.length) groups.at(-1).markers.push(text);
      }
      return groups;
    });
  }

  /** Marker rows of `fileName` in the Problems panel whose source is phi-guard. */
  async phiGuardProblemsIn(fileName) {
    const groups = await this.problemsByFile();
    return groups.filter((g) => g.file.includes(fileName)).flatMap((g) => g.markers.filter((m) => m.includes('phi-guard')));
  }

  async waitForProblem(predicate, what, timeout = 30_000) {
    return waitUntil(async () => (await this.problemRows()).find(predicate), { timeout, what });
  }

  async closePanel() {
    if (!(await this.page.locator('.part.panel').isVisible().catch(() => false))) return;
    if (!(await this.runCommandIfPresent('View: Hide Panel'))) await this.runCommandIfPresent('View: Close Panel');
    await this.page.locator('.part.panel').waitFor({ state: 'hidden', timeout: 10_000 });
  }

  // ---- hover / code actions ----------------------------------------------------------------

  async hoverText() {
    const hovers = this.page.locator('.monaco-hover:not(.hidden)');
    const texts = await hovers.evaluateAll((els) => els.filter((el) => el.offsetParent !== null).map((el) => el.textContent || ''));
    return texts.join('\n');
  }

  /** The code action menu (Ctrl+. / lightbulb): the labels of its items. */
  async actionMenuLabels() {
    return this.page
      .locator('.action-widget .monaco-list-row')
      .evaluateAll((rows) => rows.map((row) => (row.getAttribute('aria-label') || row.textContent || '').trim()));
  }

  // ---- side bar views, status bar, notifications, dialogs ---------------------------------

  /**
   * Clicks the view container's icon in the activity bar (e.g. "PHI Guard"), unless the side bar
   * already shows it (a second click would hide the side bar).
   */
  async openViewContainer(title) {
    const sidebarTitle = this.page.locator('.part.sidebar .composite.title');
    const showing = async () =>
      (await this.page.locator('.part.sidebar').isVisible().catch(() => false)) &&
      (await sidebarTitle.textContent().catch(() => '')).toLowerCase().includes(title.toLowerCase());
    if (await showing()) return;
    const icon = this.page.locator(`.part.activitybar .action-item [aria-label^="${title}"], .part.activitybar .action-item[aria-label^="${title}"]`).first();
    await icon.click({ timeout: 15_000 });
    await waitUntil(showing, { timeout: 15_000, what: `the side bar to show the ${title} container` });
  }

  /** Drags the sash at the side bar's right edge so the side bar is `width` pixels wide. */
  async widenSidebar(width) {
    const box = await this.page.locator('.part.sidebar').boundingBox();
    if (!box || box.width >= width) return;
    const sashes = await this.page.locator('.monaco-sash.vertical').evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2, height: r.height };
      }),
    );
    const edge = box.x + box.width;
    const sash = sashes.filter((s) => Math.abs(s.x - edge) < 6 && s.height > 100)[0];
    if (!sash) return;
    await this.page.mouse.move(sash.x, sash.y);
    await this.page.mouse.down();
    await this.page.mouse.move(sash.x + (width - box.width), sash.y, { steps: 5 });
    await this.page.mouse.up();
  }

  /** A view (pane) of the side bar by its title. */
  pane(title) {
    return this.page.locator('.part.sidebar .pane', { has: this.page.locator('.pane-header', { hasText: title }) }).first();
  }

  /** Expands the pane if it is collapsed. */
  async expandPane(title) {
    const header = this.pane(title).locator('.pane-header').first();
    await header.waitFor({ state: 'visible', timeout: 15_000 });
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
    await waitUntil(async () => (await header.getAttribute('aria-expanded')) !== 'false', { timeout: 10_000, what: `the ${title} view to expand` });
  }

  async collapsePane(title) {
    const header = this.pane(title).locator('.pane-header').first();
    if ((await header.getAttribute('aria-expanded').catch(() => null)) === 'true') await header.click();
  }

  /** The pane's description (next to its title), e.g. the coverage percentage. */
  async paneDescription(title) {
    return ((await this.pane(title).locator('.pane-header .description').first().textContent().catch(() => '')) || '').replace(NBSP, ' ').trim();
  }

  /** The rendered rows of a tree view: { label (aria-label), text, level, expanded }. */
  async treeRows(title) {
    return this.pane(title)
      .locator('.pane-body .monaco-list-row')
      .evaluateAll((rows) =>
        rows
          .map((row) => ({
            top: parseFloat(row.style.top || '0'),
            label: (row.getAttribute('aria-label') || '').replace(/\u00a0/g, ' '),
            text: (row.textContent || '').replace(/\u00a0/g, ' '),
            level: Number(row.getAttribute('aria-level') || '0'),
            expanded: row.getAttribute('aria-expanded'),
            icons: [...row.querySelectorAll('.codicon, .custom-view-tree-node-item-icon')].map((el) => el.className).join(' '),
          }))
          .sort((a, b) => a.top - b.top),
      );
  }

  /** Waits for a row of the view whose aria-label or text satisfies `predicate`; returns it. */
  async waitForTreeRow(title, predicate, what, timeout = 30_000) {
    return waitUntil(async () => (await this.treeRows(title)).find(predicate), { timeout, what });
  }

  treeRow(title, text) {
    return this.pane(title).locator('.pane-body .monaco-list-row', { hasText: text }).first();
  }

  /** Clicks an action of the view's title bar (shown while the header is hovered). */
  async clickViewAction(title, actionLabel) {
    const header = this.pane(title).locator('.pane-header').first();
    await header.hover();
    const action = header.locator(`.actions .action-label[aria-label*="${actionLabel}"], .actions .action-label[title*="${actionLabel}"]`).first();
    await action.waitFor({ state: 'visible', timeout: 10_000 });
    await action.click();
  }

  /** Texts of the status bar items. */
  async statusBarTexts() {
    return this.page
      .locator('.part.statusbar .statusbar-item')
      .evaluateAll((items) => items.map((el) => `${el.textContent || ''} || ${el.getAttribute('aria-label') || ''}`.replace(/\u00a0/g, ' ')));
  }

  async waitForStatusBar(predicate, what, timeout = 30_000) {
    return waitUntil(async () => (await this.statusBarTexts()).find(predicate), { timeout, what });
  }

  /** Messages of the notifications in the notification center (opened by this call). */
  async notificationCenterMessages() {
    const center = this.page.locator('.notifications-center');
    if (!(await center.isVisible().catch(() => false))) await this.runCommand('Notifications: Show Notifications');
    await center.waitFor({ state: 'visible', timeout: 10_000 });
    return center
      .locator('.notification-list-item-message')
      .evaluateAll((items) => items.map((el) => (el.textContent || '').replace(/\u00a0/g, ' ')));
  }

  /** Clicks a button of a modal dialog (VS Code's own dialog in the browser). */
  async clickDialogButton(label, timeout = 20_000) {
    const button = this.page.locator('.monaco-dialog-box .dialog-buttons .monaco-button', { hasText: label }).first();
    await button.waitFor({ state: 'visible', timeout });
    await button.click();
    await this.page.locator('.monaco-dialog-box').waitFor({ state: 'hidden', timeout: 10_000 });
  }

  /** Title of the quick input while it is open (e.g. "Scaffold PHI endpoint (2/5): resource"). */
  async quickInputTitle() {
    return ((await this.quickInput().locator('.quick-input-title').textContent().catch(() => '')) || '').trim();
  }

  async waitForQuickInputTitle(text, timeout = 15_000) {
    return waitUntil(async () => {
      const visible = await this.quickInput().isVisible().catch(() => false);
      const title = visible ? await this.quickInputTitle() : '';
      return title.includes(text) ? title : false;
    }, { timeout, what: `the quick input titled "${text}"` });
  }

  async screenshot(file) {
    await this.page.screenshot({ path: file });
  }
}
