-- Which of $urls an earlier run already took from a feed or sitemap.
SELECT url FROM seen_urls WHERE url IN (SELECT unnest($urls::VARCHAR[]));
