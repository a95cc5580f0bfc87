# The jq peer of `mentor check` in Scripts/bench: the same rules as Scripts/bench_rules.py, in the
# general-purpose JSON tool a coordinator with the JSON form of a programme would reach for.
#
#     jq -n -c -f Scripts/bench_rules.jq JSON_DIR/**/*.json      prints one JSON line of counts
#
# It merges the files, resolves every person, competency and pathway an agreement or a person
# names (an unknown one goes to "other"), computes each agreement's end date (months keep the day
# of the month, clamped, as mentor adds them) and its status at TODAY when it sets `inactivity`,
# and runs the programme's three rules and the standard rules. It does not build the session
# schedules: that is Scripts/bench_rules.py's full model; this one is "the rules, in jq".

def today: "2026-06-01";

def merged:
  reduce inputs as $part ({program: null, competencies: [], pathways: [], people: [], agreements: [], agendas: []};
    reduce ($part | to_entries[]) as $entry (.;
      if $entry.key == "program" then .program = $entry.value else .[$entry.key] += $entry.value end));

def leap($y): $y % 4 == 0 and ($y % 100 != 0 or $y % 400 == 0);
def month_days($y; $m):
  if $m == 2 then (if leap($y) then 29 else 28 end)
  elif ([4, 6, 9, 11] | index($m)) != null then 30 else 31 end;
def two: tostring | if length < 2 then "0" + . else . end;

# An ISO date plus $n months, the day clamped to the new month's length.
def add_months($n):
  (split("-") | map(tonumber)) as [$y, $m, $d]
  | ($m - 1 + $n) as $i
  | ($y + ($i / 12 | floor)) as $year | ($i % 12 + 1) as $month
  | "\($year)-\($month | two)-\([$d, month_days($year; $month)] | min | two)";
def add_days($n): strptime("%Y-%m-%d") | mktime + $n * 86400 | strftime("%Y-%m-%d");

# An ISO date plus a duration written as in the JSON form ("12 months", "3 weeks").
def add_duration($text):
  ($text | split(" ")) as [$count, $unit]
  | ($count | tonumber) as $n
  | if $unit | test("^years?$") then add_months($n * 12)
    elif $unit | test("^months?$") then add_months($n)
    elif $unit | test("^weeks?$") then add_days($n * 7)
    elif $unit | test("^days?$") then add_days($n)
    else error("unknown duration unit in `\($text)`") end;

merged as $data
| ($data.program // {}) as $program
| ($data.people | map({key: .id, value: .}) | from_entries) as $people
| ($data.competencies | map({key: .id, value: (.requires // [])}) | from_entries) as $requires
| ($data.pathways | map({key: .id, value: .steps[-1].id}) | from_entries) as $last_step
| def credentialed: (.pathway // null) as $pathway
    | $pathway != null and (($last_step[$pathway] // null) as $step | $step != null and ((.completed // {}) | has($step)));
  def unknown($table; $kind; $where): select(. != null) | . as $name | select($table | has($name) | not)
    | "\($where): unknown \($kind) `\($name)`";

  [
    ($data.people[] | . as $p
      | ((.supervisor | unknown($people; "person"; "person `\($p.id)`")),
         (.pathway | unknown($last_step; "pathway"; "person `\($p.id)`")),
         ((.competencies // [])[] | unknown($requires; "competency"; "person `\($p.id)`")))),
    ($data.agreements[] | . as $a
      | ((.mentor, .mentee, .co_mentor) | unknown($people; "person"; "agreement `\($a.id)`")))
  ] as $other

| [ $data.agreements[] | select(. as $x | ($people | has($x.mentor)) and ($people | has($x.mentee)))
    | . as $a
    | $people[$a.mentor] as $mentor | $people[$a.mentee] as $mentee
    | ($a.start | add_duration($a.term // $program.term // "12 months")) as $ends
    | ($a.signed // {}) as $signed
    | ($mentee.supervisor == $a.mentor) as $supervises
    | {no_supervisor: $supervises, "std.no_supervisor": $supervises,
       "std.boundaries": (($a.cadence // $program.cadence) == null or (($a.channels // []) | length) == 0
                          or ($a | has("contact") | not)),
       "std.ending_clause": ($a | has("ending") | not),
       "std.review_rhythm": (($a.review // $program.review) == null),
       "std.signed_before_start": ($signed[$a.mentor] == null or $signed[$a.mentee] == null
                                   or ([$signed[$a.mentor], $signed[$a.mentee]] | max) > $a.start)}
      + (if $mentor | credentialed then {} else
           {"std.credentialed_mentors": (($people[$a.co_mentor // ""] // null) as $co
                                         | $co == null or ($co | credentialed | not))} end)
      + (if $a | has("inactivity") then
           {"std.inactivity": (
              if $a.closed.on != null and $a.closed.on <= today then false
              elif today < $a.start or today >= $ends then false
              else ([$a.start] + ($a.held // []) | max | add_duration($a.inactivity)) < today end)}
         else {} end)
      + {goals: [($a.goals // [])[] | (has("measure") | not) or .due == null or .due > $ends]}
  ] as $per_agreement

| def tally($name): [$per_agreement[] | select(has($name)) | if .[$name] then 1 else 0 end] | add // 0;
  ([$per_agreement[].goals[] | select(.)] | length) as $bad_goals
| ([$data.agreements[] | {mentor, mentee}] | group_by(.mentor)
   | map(map(.mentee) | unique | length) | map(select(. > ($program.max_mentees // 0))) | length) as $over
| ([$data.people[] | (.competencies // []) as $held
    | select(any($held[]; . as $c | any(($requires[$c] // [])[]; . as $r | ($held | index($r)) == null)))] | length) as $lacking
| ([$data.agendas[] | select(((.closing // []) | length) == 0)] | length) as $no_checkin
| {smart_goals: $bad_goals, "std.smart_goals": $bad_goals,
   no_supervisor: tally("no_supervisor"), "std.no_supervisor": tally("std.no_supervisor"),
   capacity: $over, "std.boundaries": tally("std.boundaries"), "std.ending_clause": tally("std.ending_clause"),
   "std.review_rhythm": tally("std.review_rhythm"), "std.credentialed_mentors": tally("std.credentialed_mentors"),
   "std.signed_before_start": tally("std.signed_before_start"), "std.inactivity": tally("std.inactivity"),
   "std.prerequisites": $lacking, "std.agenda_checkin": $no_checkin} as $rules
| ($rules.capacity + $rules["std.review_rhythm"]) as $warnings
| {rules: $rules, errors: (([$rules[]] | add) - $warnings), warnings: $warnings, other: $other}
