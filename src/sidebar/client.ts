/** The sidebar client: its views arrive with the sidebar issue. */
function start(): void {
  const app = document.getElementById("app");
  if (app) app.textContent = "Sales Scorecard";
}
start();
