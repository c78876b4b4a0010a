/**
 * The public surface: every export here becomes a global function in Apps
 * Script (the build writes a top-level stub for each exported function) and a
 * member of the one namespace object. Nothing else is global.
 */
export { onOpen, onInstall, showSidebar } from "./addon/menu";
