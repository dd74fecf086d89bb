"""Status-report machinery shared by every app.

An app describes a report with `registry.ReportDefinition` and registers it in its part's `reports.py`
(found at start-up by autodiscovery of `<app>.reports`). Running (`services`, `tasks`), reading
(`selectors`), storing files (`exports`) and the pages and API (`views`, `apis`) are handled here.
"""
