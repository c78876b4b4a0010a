/**
 * When this execution started. Apps Script evaluates a script's top level
 * anew at the start of every execution, so this is the instant its
 * 6-minute clock started, before any handler ran (a scheduled firing makes
 * service calls before its recalculation starts).
 */
import { SCRIPT_RUN_LIMIT_MS } from "./platform-limits";

const LOADED_AT = Date.now();

/**
 * The start of the execution a run belongs to: when the script was loaded,
 * unless that is older than the platform lets a run live (a host that keeps
 * one loaded script for several runs, as the local runner does), then the
 * run's own start.
 *
 * @example
 * executionStart(Date.now()); // the script's load time in Apps Script
 */
export function executionStart(runStartedAt: number): number {
  return runStartedAt - LOADED_AT <= SCRIPT_RUN_LIMIT_MS && LOADED_AT <= runStartedAt ? LOADED_AT : runStartedAt;
}
