-- Reports add up a site's earnings over a period for all performers: an index on (site, date) serves
-- them and the per-day series (ix_ppv_tips_period leads with the performer).
CREATE INDEX ix_ppv_tips_site_date ON ppv_tips (webmasterid, date);
