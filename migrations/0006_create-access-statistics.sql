-- Access statistics (P-14; issue 3 §5): page views per day and route pattern, unique visitors per day.
-- Days are calendar days in Asia/Ho_Chi_Minh. No raw IP address is ever stored.
CREATE TABLE page_view_daily (
  day    date NOT NULL,
  route  text NOT NULL,
  views  bigint NOT NULL CONSTRAINT page_view_daily_views_check CHECK (views >= 0),
  CONSTRAINT page_view_daily_pk PRIMARY KEY (day, route)
);

-- A visitor is a keyed hash of IP address + user agent under the day's key: counted once per day, across
-- every app instance (they share the key), and unlinkable to an IP once the key is deleted after the day.
CREATE TABLE visitor_daily (
  day           date NOT NULL,
  visitor_hash  text NOT NULL,
  CONSTRAINT visitor_daily_pk PRIMARY KEY (day, visitor_hash)
);

-- The random per-day keys. A key is created ahead of its day (so instances have it at midnight) and deleted
-- as soon as its day is over.
CREATE TABLE visitor_day_key (
  day         date CONSTRAINT visitor_day_key_pk PRIMARY KEY,
  secret      text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
