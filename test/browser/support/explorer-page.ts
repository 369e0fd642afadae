import type { Page } from 'playwright-core';

/** Loading the 10 MB page and starting its editors takes a few seconds on a busy machine. */
const PAGE_TIMEOUT_MS = 30_000;

/** The little of the DOM the in-page callback reads; the project compiles without DOM types. */
interface PageGlobals {
  readonly document: { querySelector(selector: string): { readonly textContent: string | null } | null };
}

/** GraphiQL driven as a person does: the operation from the link, headers typed, the run button. */
export class ExplorerPage {
  constructor(private readonly page: Page) {}

  /** Opens the explorer with `operation` in its editor (GraphiQL reads it from `?query=`). */
  async open(appUrl: string, operation: string): Promise<void> {
    await this.page.goto(`${appUrl}/graphql?query=${encodeURIComponent(operation)}`);
    await this.page.locator('.graphiql-execute-button').waitFor({ timeout: PAGE_TIMEOUT_MS });
  }

  async setRequestHeaders(headers: Record<string, string>): Promise<void> {
    await this.page.click('.graphiql-editor-tools button[data-name="headers"]');
    await this.page.click('.monaco-editor[data-uri$="request-headers.json"]');
    await this.page.keyboard.press('Control+A');
    // Typed key by key, the editor would add closing quotes and braces of its own.
    await this.page.keyboard.insertText(JSON.stringify(headers));
  }

  async run(): Promise<void> {
    await this.page.click('.graphiql-execute-button');
  }

  /** The response pane's text once it shows `expected` (the editor draws spaces as U+00A0). */
  async resultShowing(expected: string, timeout = PAGE_TIMEOUT_MS): Promise<string> {
    const shown = await this.page.waitForFunction(
      (text) => {
        const { document } = globalThis as unknown as PageGlobals;
        const lines = document.querySelector('.result-window .view-lines')?.textContent ?? '';
        const normalised = lines.replace(/\u00a0/g, ' ');
        return normalised.includes(text) ? normalised : undefined;
      },
      expected,
      { timeout },
    );
    return shown.jsonValue() as Promise<string>;
  }
}
