/**
 * The reports: {@code me}, a community's health, executive oversight (JSON and CSV). Suppressed figures are written
 * as explicit nulls ({@code @JsonInclude(ALWAYS)}): a missing key would read as "not computed", a 0 as a fact.
 */
package io.guildhall.analytics.report;
