-- The working-day calendar as data (CAL-01, CAL-03..05; issue 4 §1). Never computed from the lunar calendar in
-- code: each year's holidays, compensatory days off and swapped working days are loaded as announced, and edited
-- by the province administrator in the back office; every change is kept.
CREATE TABLE calendar_day (
  id          bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT calendar_day_pk PRIMARY KEY,
  -- NULL: the whole province; otherwise an agency's own exception (CAL-04).
  agency_id   bigint CONSTRAINT calendar_day_agency_fk REFERENCES agency (id),
  day         date NOT NULL,
  kind        text NOT NULL CONSTRAINT calendar_day_kind_check CHECK (kind IN ('holiday', 'dayOff', 'workingDay')),
  name        text NOT NULL,
  changed_by  text NOT NULL,
  changed_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX calendar_day_key ON calendar_day (coalesce(agency_id, 0), day);

-- Working hours (CAL-01): the province default (agency_id NULL) and agencies that differ.
CREATE TABLE working_hours (
  agency_id      bigint CONSTRAINT working_hours_agency_fk REFERENCES agency (id),
  periods        jsonb NOT NULL,
  rest_weekdays  integer[] NOT NULL,
  changed_by     text NOT NULL,
  changed_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX working_hours_key ON working_hours (coalesce(agency_id, 0));

-- Every change to a year's calendar, with who, when, why and the days before and after (CAL-05).
CREATE TABLE calendar_change (
  id          bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT calendar_change_pk PRIMARY KEY,
  year        integer NOT NULL,
  agency_id   bigint CONSTRAINT calendar_change_agency_fk REFERENCES agency (id),
  changed_by  text NOT NULL,
  changed_at  timestamptz NOT NULL,
  reason      text NOT NULL,
  before      jsonb NOT NULL,
  after       jsonb NOT NULL
);

INSERT INTO working_hours (agency_id, periods, rest_weekdays, changed_by)
VALUES (NULL, '[{"start":"07:00","end":"11:30"},{"start":"13:30","end":"17:00"}]', '{0,6}', 'migration');

-- Public holidays 2020-2027 under the Labour Code (2019 Art. 112 from 2021) with the days off and swaps announced
-- for civil servants; 2027's Tết arrangement is provisional until announced. Weekends are not listed: the weekly
-- rest days above cover them. 24/11 "Ngày Văn hóa Việt Nam" from 2026 as REQUIREMENTS CAL-04 states it.
INSERT INTO calendar_day (agency_id, day, kind, name, changed_by) VALUES
  (NULL, '2020-01-01', 'holiday', 'Tết Dương lịch', 'migration'),
  (NULL, '2020-01-23', 'holiday', 'Tết Nguyên đán', 'migration'),
  (NULL, '2020-01-24', 'holiday', 'Tết Nguyên đán', 'migration'),
  (NULL, '2020-01-27', 'holiday', 'Tết Nguyên đán', 'migration'),
  (NULL, '2020-01-28', 'holiday', 'Tết Nguyên đán', 'migration'),
  (NULL, '2020-01-29', 'holiday', 'Tết Nguyên đán', 'migration'),
  (NULL, '2020-04-02', 'holiday', 'Giỗ Tổ Hùng Vương', 'migration'),
  (NULL, '2020-04-30', 'holiday', 'Ngày Chiến thắng', 'migration'),
  (NULL, '2020-05-01', 'holiday', 'Ngày Quốc tế Lao động', 'migration'),
  (NULL, '2020-09-02', 'holiday', 'Quốc khánh', 'migration'),
  (NULL, '2021-01-01', 'holiday', 'Tết Dương lịch', 'migration'),
  (NULL, '2021-02-10', 'holiday', 'Tết Nguyên đán', 'migration'),
  (NULL, '2021-02-11', 'holiday', 'Tết Nguyên đán', 'migration'),
  (NULL, '2021-02-12', 'holiday', 'Tết Nguyên đán', 'migration'),
  (NULL, '2021-02-15', 'holiday', 'Tết Nguyên đán', 'migration'),
  (NULL, '2021-02-16', 'holiday', 'Tết Nguyên đán', 'migration'),
  (NULL, '2021-04-21', 'holiday', 'Giỗ Tổ Hùng Vương', 'migration'),
  (NULL, '2021-04-30', 'holiday', 'Ngày Chiến thắng', 'migration'),
  (NULL, '2021-05-03', 'dayOff', 'Nghỉ bù Ngày Quốc tế Lao động', 'migration'),
  (NULL, '2021-09-02', 'holiday', 'Quốc khánh', 'migration'),
  (NULL, '2021-09-03', 'holiday', 'Quốc khánh', 'migration'),
  (NULL, '2022-01-03', 'dayOff', 'Nghỉ bù Tết Dương lịch', 'migration'),
  (NULL, '2022-01-31', 'holiday', 'Tết Nguyên đán', 'migration'),
  (NULL, '2022-02-01', 'holiday', 'Tết Nguyên đán', 'migration'),
  (NULL, '2022-02-02', 'holiday', 'Tết Nguyên đán', 'migration'),
  (NULL, '2022-02-03', 'holiday', 'Tết Nguyên đán', 'migration'),
  (NULL, '2022-02-04', 'holiday', 'Tết Nguyên đán', 'migration'),
  (NULL, '2022-04-11', 'dayOff', 'Nghỉ bù Giỗ Tổ Hùng Vương', 'migration'),
  (NULL, '2022-05-02', 'dayOff', 'Nghỉ bù Ngày Chiến thắng', 'migration'),
  (NULL, '2022-05-03', 'dayOff', 'Nghỉ bù Ngày Quốc tế Lao động', 'migration'),
  (NULL, '2022-09-01', 'holiday', 'Quốc khánh', 'migration'),
  (NULL, '2022-09-02', 'holiday', 'Quốc khánh', 'migration'),
  (NULL, '2023-01-02', 'dayOff', 'Nghỉ bù Tết Dương lịch', 'migration'),
  (NULL, '2023-01-20', 'holiday', 'Tết Nguyên đán', 'migration'),
  (NULL, '2023-01-23', 'holiday', 'Tết Nguyên đán', 'migration'),
  (NULL, '2023-01-24', 'holiday', 'Tết Nguyên đán', 'migration'),
  (NULL, '2023-01-25', 'holiday', 'Tết Nguyên đán', 'migration'),
  (NULL, '2023-01-26', 'holiday', 'Tết Nguyên đán', 'migration'),
  (NULL, '2023-05-01', 'holiday', 'Ngày Quốc tế Lao động', 'migration'),
  (NULL, '2023-05-02', 'dayOff', 'Nghỉ bù Giỗ Tổ Hùng Vương', 'migration'),
  (NULL, '2023-05-03', 'dayOff', 'Nghỉ bù Ngày Chiến thắng', 'migration'),
  (NULL, '2023-09-01', 'holiday', 'Quốc khánh', 'migration'),
  (NULL, '2023-09-04', 'dayOff', 'Nghỉ bù Quốc khánh', 'migration'),
  (NULL, '2024-01-01', 'holiday', 'Tết Dương lịch', 'migration'),
  (NULL, '2024-02-08', 'holiday', 'Tết Nguyên đán', 'migration'),
  (NULL, '2024-02-09', 'holiday', 'Tết Nguyên đán', 'migration'),
  (NULL, '2024-02-12', 'holiday', 'Tết Nguyên đán', 'migration'),
  (NULL, '2024-02-13', 'holiday', 'Tết Nguyên đán', 'migration'),
  (NULL, '2024-02-14', 'holiday', 'Tết Nguyên đán', 'migration'),
  (NULL, '2024-04-18', 'holiday', 'Giỗ Tổ Hùng Vương', 'migration'),
  (NULL, '2024-04-29', 'dayOff', 'Nghỉ hoán đổi (làm bù thứ Bảy 04/5)', 'migration'),
  (NULL, '2024-04-30', 'holiday', 'Ngày Chiến thắng', 'migration'),
  (NULL, '2024-05-01', 'holiday', 'Ngày Quốc tế Lao động', 'migration'),
  (NULL, '2024-05-04', 'workingDay', 'Làm bù cho ngày 29/4', 'migration'),
  (NULL, '2024-09-02', 'holiday', 'Quốc khánh', 'migration'),
  (NULL, '2024-09-03', 'holiday', 'Quốc khánh', 'migration'),
  (NULL, '2025-01-01', 'holiday', 'Tết Dương lịch', 'migration'),
  (NULL, '2025-01-27', 'dayOff', 'Nghỉ hoán đổi Tết (làm bù thứ Bảy 08/02)', 'migration'),
  (NULL, '2025-01-28', 'holiday', 'Tết Nguyên đán', 'migration'),
  (NULL, '2025-01-29', 'holiday', 'Tết Nguyên đán', 'migration'),
  (NULL, '2025-01-30', 'holiday', 'Tết Nguyên đán', 'migration'),
  (NULL, '2025-01-31', 'holiday', 'Tết Nguyên đán', 'migration'),
  (NULL, '2025-02-08', 'workingDay', 'Làm bù cho ngày 27/01', 'migration'),
  (NULL, '2025-04-07', 'holiday', 'Giỗ Tổ Hùng Vương', 'migration'),
  (NULL, '2025-04-26', 'workingDay', 'Làm bù cho ngày 02/5', 'migration'),
  (NULL, '2025-04-30', 'holiday', 'Ngày Chiến thắng', 'migration'),
  (NULL, '2025-05-01', 'holiday', 'Ngày Quốc tế Lao động', 'migration'),
  (NULL, '2025-05-02', 'dayOff', 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4)', 'migration'),
  (NULL, '2025-09-01', 'holiday', 'Quốc khánh', 'migration'),
  (NULL, '2025-09-02', 'holiday', 'Quốc khánh', 'migration'),
  (NULL, '2026-01-01', 'holiday', 'Tết Dương lịch', 'migration'),
  (NULL, '2026-02-16', 'holiday', 'Tết Nguyên đán', 'migration'),
  (NULL, '2026-02-17', 'holiday', 'Tết Nguyên đán', 'migration'),
  (NULL, '2026-02-18', 'holiday', 'Tết Nguyên đán', 'migration'),
  (NULL, '2026-02-19', 'holiday', 'Tết Nguyên đán', 'migration'),
  (NULL, '2026-02-20', 'holiday', 'Tết Nguyên đán', 'migration'),
  (NULL, '2026-04-27', 'dayOff', 'Nghỉ bù Giỗ Tổ Hùng Vương', 'migration'),
  (NULL, '2026-04-30', 'holiday', 'Ngày Chiến thắng', 'migration'),
  (NULL, '2026-05-01', 'holiday', 'Ngày Quốc tế Lao động', 'migration'),
  (NULL, '2026-09-01', 'holiday', 'Quốc khánh', 'migration'),
  (NULL, '2026-09-02', 'holiday', 'Quốc khánh', 'migration'),
  (NULL, '2026-11-24', 'holiday', 'Ngày Văn hóa Việt Nam', 'migration'),
  (NULL, '2027-01-01', 'holiday', 'Tết Dương lịch', 'migration'),
  (NULL, '2027-02-05', 'holiday', 'Tết Nguyên đán', 'migration'),
  (NULL, '2027-02-08', 'holiday', 'Tết Nguyên đán', 'migration'),
  (NULL, '2027-02-09', 'holiday', 'Tết Nguyên đán', 'migration'),
  (NULL, '2027-02-10', 'dayOff', 'Nghỉ bù Tết Nguyên đán', 'migration'),
  (NULL, '2027-02-11', 'dayOff', 'Nghỉ bù Tết Nguyên đán', 'migration'),
  (NULL, '2027-04-16', 'holiday', 'Giỗ Tổ Hùng Vương', 'migration'),
  (NULL, '2027-04-30', 'holiday', 'Ngày Chiến thắng', 'migration'),
  (NULL, '2027-05-03', 'dayOff', 'Nghỉ bù Ngày Quốc tế Lao động', 'migration'),
  (NULL, '2027-09-02', 'holiday', 'Quốc khánh', 'migration'),
  (NULL, '2027-09-03', 'holiday', 'Quốc khánh', 'migration'),
  (NULL, '2027-11-24', 'holiday', 'Ngày Văn hóa Việt Nam', 'migration');
