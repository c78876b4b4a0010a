/**
 * The add-on menu. `onOpen` may run in AuthMode.NONE (a simple trigger before
 * the add-on is authorised), where properties, locks and triggers are off
 * limits: it only builds the menu.
 */

/**
 * Adds the Sales Scorecard menu under Extensions.
 *
 * @example
 * onOpen({ authMode: ScriptApp.AuthMode.NONE });
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  void e;
  SpreadsheetApp.getUi().createAddonMenu().addItem("Open Sales Scorecard", "showSidebar").addToUi();
}

/**
 * Runs when the add-on is installed: the same as opening the document.
 *
 * @example
 * onInstall({ authMode: ScriptApp.AuthMode.FULL });
 */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/**
 * Opens the sidebar.
 *
 * @example
 * showSidebar();
 */
export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile("Sidebar").setTitle("Sales Scorecard");
  SpreadsheetApp.getUi().showSidebar(html);
}
