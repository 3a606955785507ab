-- Runs still 'running' when a new run starts are dead: only one writer runs at a time, and the
-- caller holds the writer lock. Mark them crashed, with when that was noticed.
UPDATE runs
SET status = 'crashed', crash_noticed_at = $noticed_at
WHERE status = 'running' AND run_id <> $run_id
RETURNING run_id;
