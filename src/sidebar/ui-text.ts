/**
 * The sidebar's interface text in English and Chinese. The language follows
 * the spreadsheet's (the server says which in every view's answer); until
 * the first answer arrives the browser's language is a guess.
 */
import { catalogueText } from "../core/localized-text";
import type { UiLanguage } from "./sidebar-api";

const TEXT = {
  appTitle: { en: "Sales Scorecard", zh: "销售绩效记分卡" },
  tabs: { en: "Views", zh: "视图" },
  tabTeam: { en: "Team", zh: "团队" },
  tabRep: { en: "Rep", zh: "个人" },
  tabReview: { en: "Review", zh: "评语" },
  tabSetup: { en: "Setup", zh: "设置" },
  loading: { en: "Loading…", zh: "加载中…" },
  working: { en: "Working…", zh: "处理中…" },
  retry: { en: "Try again", zh: "重试" },
  errorPrefix: { en: "Could not load: {message}", zh: "加载失败：{message}" },
  actionFailed: { en: "That did not work: {message}", zh: "操作失败：{message}" },
  none: { en: "—", zh: "—" },
  period: { en: "Period", zh: "期间" },
  rep: { en: "Rep", zh: "销售" },
  noResults: {
    en: "No results yet. Open Setup and choose Recalculate now.",
    zh: "暂无结果。请在“设置”中点击“立即重算”。",
  },
  provisional: {
    en: "Provisional: these numbers change until the period is final.",
    zh: "暂定：期间定稿前这些数字仍会变化。",
  },
  changedFinal: {
    en: "Inputs changed for final periods {periods}: use Restate period in Setup.",
    zh: "已定稿期间 {periods} 的输入有变动：可在“设置”中重算期间。",
  },
  // Team: approval
  awaiting: {
    en: "Awaiting approval: {periods}. A due month is final only once approved.",
    zh: "待审批：{periods}。到期的月份需批准后才定稿。",
  },
  approveOpen: { en: "Approve {period}…", zh: "批准 {period}…" },
  approveTitle: { en: "Approve {period}", zh: "批准 {period}" },
  approveTotal: { en: "Total payout", zh: "应发合计" },
  approveReps: { en: "Reps", zh: "销售人数" },
  approveProblems: { en: "Open problems", zh: "未解决问题" },
  approveProblemsNone: { en: "None: the latest run found no input problem.", zh: "无：最近一次运行未发现输入问题。" },
  approveProblemsSome: {
    en: "{count} open problems from the latest run; check them before approving.",
    zh: "最近一次运行有 {count} 个未解决问题，批准前请先检查。",
  },
  approveName: { en: "Your name for the record (optional)", zh: "您的姓名（记入审批记录，可不填）" },
  approveFinal: {
    en: "Once approved the month is final: later changes need Restate period.",
    zh: "批准后该月定稿，之后的改动需在「设置」中重算已定稿期间。",
  },
  approveConfirm: { en: "Approve", zh: "批准" },
  approveCancel: { en: "Cancel", zh: "取消" },
  // Team
  attainmentOf: { en: "Attainment shown", zh: "显示的达成率" },
  colRep: { en: "Rep", zh: "销售" },
  colScore: { en: "Score", zh: "得分" },
  colAttainment: { en: "Att.", zh: "达成" },
  colPayout: { en: "Payout", zh: "应发" },
  colRank: { en: "#", zh: "#" },
  colRankLong: { en: "Rank", zh: "名次" },
  colAttainmentLong: { en: "Attainment of {metric}", zh: "{metric}达成率" },
  sortBy: { en: "Sort by {column}", zh: "按{column}排序" },
  teamCaption: { en: "Team results for {period}", zh: "{period} 团队结果" },
  openRep: { en: "Open {name}", zh: "查看 {name}" },
  bandHigh: { en: "at or above target (100% and over)", zh: "达到或超过目标（100% 及以上）" },
  bandMid: { en: "close to target (80% to under 100%)", zh: "接近目标（80% 至 100% 以下）" },
  bandLow: { en: "below 80% of target", zh: "低于目标的 80%" },
  bandNone: { en: "no score", zh: "无得分" },
  legend: { en: "Score bands", zh: "得分区间" },
  problems: { en: "Input problems ({count})", zh: "输入问题（{count}）" },
  problemsNone: { en: "No input problems in the latest run.", zh: "最近一次运行没有输入问题。" },
  problemsMore: {
    en: "… and {count} more in groups not listed here.",
    zh: "……另有 {count} 个问题所在的组未在此列出。",
  },
  problemsSheet: {
    en: "Every problem cell, one row each: the {sheet} sheet.",
    zh: "每个有问题的单元格各占一行，见「{sheet}」表。",
  },
  problemRows: { en: "{count} rows:", zh: "共 {count} 行：" },
  problemsWhen: { en: "From the run of {when}.", zh: "来自 {when} 的运行。" },
  // Rep
  team: { en: "Team", zh: "团队" },
  score: { en: "Score", zh: "得分" },
  rank: { en: "Rank", zh: "排名" },
  rankOf: { en: "{rank} of {count}", zh: "第 {rank} / {count}" },
  teamRank: { en: "Team rank", zh: "团队排名" },
  payout: { en: "Payout", zh: "应发金额" },
  notes: { en: "Notes", zh: "说明" },
  metrics: { en: "Metrics", zh: "各项指标" },
  metricLine: { en: "{actual} of {target}", zh: "{actual} / 目标 {target}" },
  noTarget: { en: "no target", zh: "无目标" },
  noData: { en: "no data", zh: "无数据" },
  barLabel: { en: "{metric}: {attainment} of target", zh: "{metric}：完成目标的 {attainment}" },
  payoutTrace: { en: "Payout, line by line", zh: "应发明细" },
  noPayout: { en: "No payout in this period (not a payout period).", zh: "本期不发放（非发放周期）。" },
  targetBonus: { en: "Target bonus", zh: "目标奖金" },
  commission: { en: "Commission", zh: "提成" },
  adjustment: { en: "Adjustment", zh: "调整" },
  total: { en: "Total", zh: "合计" },
  driver: { en: "Driver", zh: "驱动" },
  tier: { en: "Tier from", zh: "所在档位" },
  belowFirstTier: { en: "below the first tier", zh: "低于最低档" },
  rate: { en: "Rate", zh: "比例" },
  maxRate: { en: "Max rate", zh: "最高比例" },
  base: { en: "Base", zh: "基数" },
  proration: { en: "Proration", zh: "折算" },
  gate: { en: "Gate", zh: "门槛" },
  gateMet: { en: "{gate}, met", zh: "{gate}，已达到" },
  gateNotMet: { en: "{gate}, not met", zh: "{gate}，未达到" },
  noGate: { en: "none", zh: "无" },
  mode: { en: "Mode", zh: "方式" },
  modeStep: { en: "step", zh: "阶梯" },
  modeLinear: { en: "linear", zh: "线性" },
  modeMarginal: { en: "marginal", zh: "累进" },
  driverScore: { en: "score", zh: "得分" },
  driverAttainment: { en: "{metric} attainment", zh: "{metric}达成率" },
  driverTeamAttainment: { en: "team {metric} attainment", zh: "团队{metric}达成率" },
  reason: { en: "Reason", zh: "原因" },
  trend: { en: "Score trend", zh: "得分趋势" },
  scoreTrace: { en: "Score, metric by metric", zh: "得分明细（按指标）" },
  scoreTraceHelpTitle: { en: "How points are counted", zh: "得分如何计算" },
  scoreTraceHelp: {
    en: "Points = share of weight × achievement (the attainment, 0 below the floor, at most the cap). Metrics without data or a target are left out and their weight is spread over the rest.",
    zh: "得分 = 权重占比 × 计分达成率（低于下限计 0，最高不超过上限）。没有数据或目标的指标不计入，其权重分摊给其余指标。",
  },
  scoreTraceAttainment: { en: "Attainment", zh: "达成率" },
  scoreTraceFloorCap: { en: "Floor / cap", zh: "下限 / 上限" },
  scoreTraceWeight: { en: "Weight", zh: "权重" },
  scoreTraceShare: { en: "{weight}: {share} of the weight used", zh: "{weight}：占计入权重的 {share}" },
  scoreTraceAchievement: { en: "Achievement", zh: "计分达成率" },
  scoreTracePoints: { en: "{points} points", zh: "{points} 分" },
  scoreTraceTotal: { en: "Score = sum of points", zh: "得分 = 各项之和" },
  scoreTraceLeftOut: { en: "Left out", zh: "未计入" },
  scoreTraceNoData: { en: "left out: no data this period", zh: "未计入：本期没有数据" },
  scoreTraceNoTarget: { en: "left out: no target", zh: "未计入：没有目标" },
  scoreTraceNone: {
    en: "No score: no metric has both data and a target.",
    zh: "无得分：没有同时具备数据和目标的指标。",
  },
  scoreTraceNoPlan: {
    en: "No plan version covers this period, so the score cannot be explained.",
    zh: "没有适用于本期的方案版本，无法说明得分。",
  },
  scoreTracePlanChanged: {
    en: "Today's Plan no longer gives the stored score {score}: the floors, caps or weights changed since this period was computed. The stored score stands.",
    zh: "按当前方案算不出已存的得分 {score}：本期计算之后，下限、上限或权重有改动。已存的得分不变。",
  },
  trendLabel: { en: "Score from {first} to {last}: {from} to {to}", zh: "{first} 至 {last} 的得分：{from} 至 {to}" },
  trendEmpty: { en: "No earlier periods yet.", zh: "暂无更早的期间。" },
  // Review
  reviewLanguage: { en: "Review language", zh: "评语语言" },
  english: { en: "English", zh: "English" },
  chinese: { en: "中文", zh: "中文" },
  reviewFromSheet: { en: "Generated review from the last recalculation.", zh: "上次重算生成的评语。" },
  reviewComputed: { en: "Generated now from the current inputs.", zh: "根据当前输入即时生成。" },
  reviewInputsChanged: {
    en: "This period is final but its inputs changed since: the review generated now reflects today's inputs.",
    zh: "本期已定稿，但输入之后有变动：即时生成的评语反映的是当前输入。",
  },
  reviewFinalStored: {
    en: "This period is final: this is the review stored in the Reviews sheet, matching the final Results and Payouts.",
    zh: "本期已定稿：这是评语表中保存的评语，与定稿的结果和应发明细一致。",
  },
  reviewFinalNone: {
    en: "This period is final and the Reviews sheet holds no generated review for it.",
    zh: "本期已定稿，但评语表中没有为其生成的评语。",
  },
  reviewFinalOtherLanguage: {
    en: "The stored review is in {stored}. A review in {asked} can only be regenerated.",
    zh: "已保存的评语是{stored}的。{asked}评语只能重新生成。",
  },
  regenerate: { en: "Regenerate from today's inputs", zh: "按当前输入重新生成" },
  regenerateHelp: {
    en: "Regenerating uses today's inputs, so it may differ from the final figures. The stored review is not changed unless you save.",
    zh: "重新生成会使用当前输入，结果可能与定稿数字不同。除非您保存，否则已存的评语不会改变。",
  },
  reviewRegenerated: {
    en: "Regenerated from today's inputs: it may differ from this final period's Results and Payouts.",
    zh: "已按当前输入重新生成：可能与本期定稿的结果和应发明细不同。",
  },
  showStored: { en: "Show the stored review", zh: "显示已保存的评语" },
  reviewChangedAfterAck: {
    en: "The generated review changed after the rep acknowledged it.",
    zh: "销售确认后，生成的评语有更新。",
  },
  managerSaved: {
    en: "Showing the saved manager's review. The generated review is kept in the sheet.",
    zh: "显示已保存的主管评语；生成的评语仍保留在表格中。",
  },
  reviewText: { en: "Review (you can edit it)", zh: "评语（可编辑）" },
  save: { en: "Save as manager's review", zh: "保存为主管评语" },
  copy: { en: "Copy", zh: "复制" },
  useGenerated: { en: "Use generated text", zh: "使用生成的评语" },
  saved: { en: "Saved at {when} (Reviews row {row}).", zh: "已于 {when} 保存（评语表第 {row} 行）。" },
  unsaved: { en: "Unsaved changes.", zh: "有未保存的修改。" },
  copied: { en: "Copied to the clipboard.", zh: "已复制到剪贴板。" },
  copyManual: {
    en: "The text is selected: press Ctrl+C (⌘C on a Mac) to copy it.",
    zh: "文本已选中：请按 Ctrl+C（Mac 上按 ⌘C）复制。",
  },
  reply: { en: "Rep reply", zh: "销售回复" },
  noReply: { en: "No reply yet.", zh: "暂无回复。" },
  acknowledged: { en: "Acknowledged: {value}", zh: "已确认：{value}" },
  yes: { en: "yes", zh: "是" },
  no: { en: "no", zh: "否" },
  // Setup
  sheets: { en: "Sheets", zh: "工作表" },
  sheetExists: { en: "present", zh: "已存在" },
  sheetMissing: { en: "missing", zh: "缺失" },
  setUpDone: { en: "Every input sheet and the Plan are there.", zh: "所有输入工作表和方案表都已存在。" },
  setUpNeeded: {
    en: "Some sheets are missing: create the templates (existing sheets are never changed).",
    zh: "缺少部分工作表：可创建模板（已有工作表不会被改动）。",
  },
  createSheets: { en: "Create template sheets", zh: "创建模板工作表" },
  schedule: { en: "Automatic recalculation", zh: "自动重算" },
  scheduleOnYou: { en: "On (yours).", zh: "已开启（由您设置）。" },
  scheduleOnOther: { en: "On (another editor's).", zh: "已开启（由另一位编辑者设置）。" },
  scheduleOff: { en: "Off.", zh: "已关闭。" },
  scheduleLast: { en: "Last run by the schedule: {when}.", zh: "自动重算上次运行：{when}。" },
  scheduleNever: { en: "The schedule has not run yet.", zh: "自动重算尚未运行。" },
  scheduleOverdue: { en: "It is overdue: you may take it over.", zh: "已逾期：您可以接管。" },
  scheduleOtherHint: {
    en: "Only its owner can change it while it runs on time.",
    zh: "按时运行期间只有设置者可以修改。",
  },
  scheduleWhen: {
    en: "Each month becomes final on day {day} of the next month at {hour}:00 ({zone}).",
    zh: "每月结果于次月 {day} 日 {hour}:00（{zone}）定稿。",
  },
  day: { en: "Day (1-28)", zh: "日期（1-28）" },
  hour: { en: "Hour", zh: "小时" },
  turnOn: { en: "Turn on", zh: "开启" },
  turnOff: { en: "Turn off", zh: "关闭" },
  takeOver: { en: "Take over", zh: "接管" },
  updateTime: { en: "Save day and hour", zh: "保存日期和时间" },
  recalculate: { en: "Recalculate now", zh: "立即重算" },
  shareStatements: { en: "Share statements", zh: "共享个人报表" },
  shareStatementsHint: {
    en: "Gives each rep with an Email on Reps a private statement of their own results, payouts and reviews, where they can reply.",
    zh: "为销售名单中填写了邮箱的每位销售生成仅本人可见的个人报表（结果、奖金明细和评语），可在其中回复。",
  },
  lastRun: { en: "Last run: {when}.", zh: "上次运行：{when}。" },
  neverRun: { en: "No run yet.", zh: "尚未运行。" },
  restate: { en: "Restate period", zh: "重算已定稿期间" },
  restateHint: {
    en: "Recomputes a final period (and its quarter and year) from today's inputs; the Run log lists what changed.",
    zh: "按当前输入重新计算已定稿期间（及其季度和年度）；改动记录在运行日志中。",
  },
  noFinal: { en: "No period is final yet.", zh: "尚无已定稿期间。" },
  runLog: { en: "Run log (latest)", zh: "运行日志（最近）" },
  runLogEmpty: { en: "The Run log is empty.", zh: "运行日志为空。" },
  runLogLine: {
    en: "{rows} rows · {problems} problems · {seconds} s",
    zh: "{rows} 行 · {problems} 个问题 · {seconds} 秒",
  },
  // Setup: settings
  settings: { en: "Settings", zh: "参数设置" },
  settingsHint: {
    en: "Sheet names, language and the first month computed, kept in this spreadsheet for every editor.",
    zh: "工作表名称、语言和起始计算月份，保存在此表格中，对所有编辑者生效。",
  },
  inputSheetsLegend: { en: "Sheets the add-on reads", zh: "读取的工作表" },
  outputSheetsLegend: { en: "Sheets the add-on writes", zh: "写入的工作表" },
  renameHint: {
    en: "To rename a sheet, rename its tab in Sheets, then type the same name here. An output sheet given a name no sheet has is created by the next run and holds the periods computed from then on.",
    zh: "如需给工作表改名，请先在表格中修改标签名，再在此处填写相同的名称。若输出工作表使用了尚不存在的名称，下次重算会新建该表，其中只含此后计算的期间。",
  },
  languageSetting: { en: "Language", zh: "语言" },
  languageAuto: { en: "The spreadsheet's (automatic)", zh: "跟随表格（自动）" },
  startPeriod: { en: "Start period (YYYY-MM)", zh: "起始期间（YYYY-MM）" },
  startPeriodHint: { en: "Blank: the earliest month in Sales.", zh: "留空：销售记录中最早的月份。" },
  salesSourceLegend: { en: "Sales source", zh: "销售记录来源" },
  salesSourceSheet: { en: "This spreadsheet's Sales sheet", zh: "本表格的销售记录表" },
  salesSourceBigQuery: { en: "A BigQuery table", zh: "BigQuery 表" },
  salesSourceTable: { en: "BigQuery table (project.dataset.table)", zh: "BigQuery 表（项目.数据集.表）" },
  salesSourceBillingProject: { en: "Billing project", zh: "计费项目" },
  salesSourceHint: {
    en: "Runs send BigQuery one query that adds the deals up per rep and month, billed to the billing project by the bytes it reads; saving asks for permission to view your BigQuery data.",
    zh: "每次运行向 BigQuery 发送一条按销售人员和月份汇总的查询，按读取的字节数向计费项目计费；保存时会请求查看您 BigQuery 数据的权限。",
  },
  saveSettings: { en: "Save settings", zh: "保存设置" },
  resetDefaults: { en: "Reset to defaults", zh: "恢复默认值" },
  defaultsFilled: {
    en: "Defaults filled in: choose Save settings to keep them.",
    zh: "已填入默认值：点击“保存设置”后生效。",
  },
  // Setup: columns
  columns: { en: "Columns", zh: "列设置" },
  columnsHint: {
    en: "Which column of each sheet holds each of our fields. Columns named as ours or as common CRM exports name them are recognised; pick any other here.",
    zh: "各工作表中哪一列对应我们的字段。与我们或常见 CRM 导出同名的列会被自动识别；其他列可在此选择。",
  },
  columnsSheet: { en: "{sheet} (headers in row {row})", zh: "{sheet}（表头在第 {row} 行）" },
  columnsSheetMissing: { en: "There is no sheet named {sheet} yet.", zh: "尚无名为 {sheet} 的工作表。" },
  columnsSheetBlank: { en: "{sheet} is blank: it has no header row yet.", zh: "{sheet} 为空，尚无表头行。" },
  notInSheet: { en: "— not in this sheet —", zh: "— 此表中没有 —" },
  requiredField: { en: "{field} (required)", zh: "{field}（必填）" },
  foundBuiltIn: { en: "recognised", zh: "已识别" },
  foundAlias: { en: "recognised (CRM name)", zh: "已识别（CRM 名称）" },
  foundMapping: { en: "mapped", zh: "已映射" },
  foundNone: { en: "not found: pick its column", zh: "未找到：请选择对应的列" },
  dateOrder: { en: "Dates written as numbers (3/1/2026)", zh: "以数字书写的日期（3/1/2026）" },
  dateOrderAuto: { en: "As the spreadsheet's locale writes them", zh: "按表格区域设置" },
  dateOrderDmy: { en: "Day first (3 January)", zh: "日在前（1 月 3 日）" },
  dateOrderMdy: { en: "Month first (March 1)", zh: "月在前（3 月 1 日）" },
  stageWords: { en: "Stage words in {column}", zh: "{column} 列中的阶段词" },
  stageWordsNone: {
    en: "Sales has no Status column: every deal is read as won.",
    zh: "销售记录表没有状态列：所有订单都视为赢单。",
  },
  stageWordsEmpty: {
    en: "The Status column is blank: every deal is read as won.",
    zh: "状态列为空：所有订单都视为赢单。",
  },
  stageWordsMore: {
    en: "… and {count} more words (read as their listing says, or open).",
    zh: "……另有 {count} 个词（按内置词表读取，否则视为进行中）。",
  },
  stageWordLabel: { en: "{word} ({rows} rows)", zh: "{word}（{rows} 行）" },
  stageBuiltIn: { en: "built-in", zh: "内置" },
  stageYours: { en: "yours", zh: "您的设置" },
  stageUnknown: { en: "not recognised: read as open", zh: "未识别：视为进行中" },
  stageWon: { en: "won", zh: "赢单" },
  stageLost: { en: "lost", zh: "输单" },
  stageOpen: { en: "open (pipeline)", zh: "进行中（商机）" },
  saveColumns: { en: "Save columns", zh: "保存列设置" },
  // Setup: fill targets
  fillTargets: { en: "Fill Targets from history", zh: "根据历史填充目标" },
  fillTargetsHint: {
    en: "Adds a revenue target for each rep for the month: the average of the rep's monthly revenue over up to 12 complete months, plus the growth, rounded to the nearest 100. A rep that already has a revenue target for the month keeps it.",
    zh: "为每位销售添加该月的销售额目标：最多 12 个完整月份的月均销售额，加上增长率，四舍五入到 100 的整数倍。该月已有销售额目标的销售保持不变。",
  },
  fillTargetsMonth: { en: "Month (YYYY-MM)", zh: "月份（YYYY-MM）" },
  fillTargetsGrowth: { en: "Growth (%)", zh: "增长率（%）" },
  fillTargetsButton: { en: "Fill Targets", zh: "填充目标" },
  // Plans: Compare plans
  tabPlans: { en: "Plans", zh: "方案" },
  planCompareTitle: { en: "Compare plans", zh: "对比方案" },
  planCompareHint: {
    en: "Computes the last 12 final months under the Plan and under the Plan draft sheet, and writes the Plan comparison sheet. Adjustments are outside every plan, so they are the same on both sides. Results, Payouts and Reviews are not touched.",
    zh: "按现行方案（Plan）和方案草稿（Plan draft）分别计算最近 12 个已定稿月份，并写入“Plan comparison”工作表。调整不属于任何方案，两边相同。结果、发放明细和评语不会改动。",
  },
  planCompare: { en: "Compare plans", zh: "对比方案" },
  planComparing: { en: "Computing both plans…", zh: "正在计算两个方案…" },
  planDraftTitle: { en: "The Plan draft", zh: "方案草稿" },
  planDraftHint: {
    en: "Write the draft in a sheet named Plan draft, in the Plan's own format. Start from a copy of the Plan; an existing draft is never overwritten.",
    zh: "在名为“Plan draft”的工作表中按方案表的格式编写草稿。可从现行方案的副本开始；已有的草稿不会被覆盖。",
  },
  planMakeDraft: { en: "Copy the Plan to a draft", zh: "复制现行方案为草稿" },
  planCostChange: { en: "Total cost change", zh: "总成本变化" },
  planMonths: { en: "Months", zh: "月份" },
  planMonthsValue: { en: "{count}: {first} to {last}", zh: "{count} 个：{first} 至 {last}" },
  planCurrent: { en: "Plan", zh: "现行方案" },
  planDraft: { en: "Draft", zh: "方案草稿" },
  planSheetWritten: { en: "Rep by rep, month by month: the {sheet} sheet.", zh: "各销售逐月明细：“{sheet}”工作表。" },
  planWinners: { en: "Paid more under the draft", zh: "草稿下多得的销售" },
  planLosers: { en: "Paid less under the draft", zh: "草稿下少得的销售" },
  planNoOne: { en: "No one.", zh: "无。" },
  planRepFromTo: { en: "{from} → {to}", zh: "{from} → {to}" },
  planDraftProblems: { en: "Problems in the Plan draft", zh: "方案草稿中的问题" },
  // Rep and Team views: the pipeline forecast and the pace
  forecastTitle: { en: "If your open deals close", zh: "如果您的进行中商机全部成交" },
  forecastOpenDeals: {
    en: "{count} open deals closing in {period}, each counted at its amount × its probability.",
    zh: "{period} 预计成交的进行中商机共 {count} 个，每个按金额 × 赢率计入。",
  },
  forecastNoOpenDeals: {
    en: "No open deal closes in {period}: the forecast is the actual.",
    zh: "{period} 没有预计成交的进行中商机：预测即为实际。",
  },
  forecastRevenue: { en: "Forecast revenue", zh: "预测销售额" },
  forecastPayout: { en: "Forecast payout", zh: "预测应发金额" },
  forecastTiers: { en: "Tier reached:", zh: "将达到的档位：" },
  forecastTierLine: { en: "{component}: tier from {tier}, rate {rate}", zh: "{component}：{tier} 档，比例 {rate}" },
  pace: { en: "Pace", zh: "进度" },
  paceLine: {
    en: "Revenue to date {actual}; a straight line to {target} at the period's end is at {line} today (day {day} of {days}).",
    zh: "截至今天销售额 {actual}；按直线进度到期末达到 {target}，今天应为 {line}（第 {day} 天，共 {days} 天）。",
  },
  paceAhead: { en: "Ahead of the line by {gap}.", zh: "领先直线进度 {gap}。" },
  paceBehind: { en: "Behind the line by {gap}.", zh: "落后直线进度 {gap}。" },
  paceNoTarget: {
    en: "Revenue to date {actual} (day {day} of {days}); there is no revenue target to pace against.",
    zh: "截至今天销售额 {actual}（第 {day} 天，共 {days} 天）；没有销售额目标，无法比较进度。",
  },
  paceBarLabel: {
    en: "Revenue to date {actual} against {line} on the line",
    zh: "截至今天销售额 {actual}，直线进度 {line}",
  },
  teamForecastTitle: { en: "Team forecast if open deals close", zh: "团队预测（如果进行中商机全部成交）" },
  payoutNow: { en: "Payout now", zh: "当前应发金额" },
} as const;

export type TextKey = keyof typeof TEXT;

const text = catalogueText(TEXT);

let current: UiLanguage = typeof navigator !== "undefined" && /^zh/i.test(navigator.language) ? "zh" : "en";

/**
 * The interface language now in use.
 *
 * @example
 * uiLanguage(); // "en"
 */
export function uiLanguage(): UiLanguage {
  return current;
}

/**
 * Sets the interface language (from the server's answer); also the page's `lang`.
 *
 * @example
 * setUiLanguage("zh");
 */
export function setUiLanguage(language: UiLanguage): void {
  current = language;
  if (typeof document !== "undefined") document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
}

/**
 * Interface text in the current language, `{name}` placeholders filled.
 *
 * @example
 * t("rankOf", { rank: 2, count: 13 }); // "2 of 13"
 */
export function t(key: TextKey, args: Record<string, string | number> = {}): string {
  return text(key, current, args);
}
