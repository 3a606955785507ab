-- Remember article URLs taken from a feed or sitemap ($urls[i] came from $vias[i]); the first
-- sighting is kept, so first_seen says when a URL first appeared.
INSERT INTO seen_urls (url, via, first_seen, run_id)
SELECT url, via, $at, $run_id
FROM (SELECT unnest($urls::VARCHAR[]) AS url, unnest($vias::VARCHAR[]) AS via)
ON CONFLICT (url) DO NOTHING;
