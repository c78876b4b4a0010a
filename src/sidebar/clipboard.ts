/**
 * Copying text. The async Clipboard API is tried first; a sidebar's iframe
 * may be refused it by the page's permissions policy, so the fallback
 * selects the text field and asks the browser to copy the selection; when
 * that is refused too, the text stays selected and the person is told to
 * press Ctrl+C.
 */

export type CopyOutcome = "copied" | "manual";

/**
 * Copies the field's text to the clipboard.
 *
 * @example
 * await copyFieldText(textarea); // "copied", or "manual" with the text selected
 */
export async function copyFieldText(field: HTMLTextAreaElement): Promise<CopyOutcome> {
  const text = field.value;
  try {
    if (navigator.clipboard && typeof navigator.clipboard.writeText === "function") {
      await navigator.clipboard.writeText(text);
      return "copied";
    }
  } catch {
    // refused (permissions policy, no user activation): fall back below
  }
  field.focus();
  field.select();
  try {
    if (document.execCommand("copy")) return "copied";
  } catch {
    // refused as well: the selection is left for the person to copy
  }
  return "manual";
}
