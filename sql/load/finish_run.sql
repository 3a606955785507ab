UPDATE runs
SET finished_at = $finished_at,
    n_new = $n_new,
    n_updated = $n_updated,
    n_unchanged = $n_unchanged,
    n_duplicate = $n_duplicate,
    n_failed = $n_failed,
    n_quotes = $n_quotes,
    n_events = $n_events,
    status = $status
WHERE run_id = $run_id;
