// Generated from docs/diagnostics/*.md by Tests/MentorCLITests/DiagnosticDocsTests.swift; do not edit.
// After changing those pages: MENTOR_UPDATE_DOCS=1 swift test --filter DiagnosticDocsTests, then review the diff.

/// The sections of `docs/diagnostics/` that document a code, embedded for `mentor explain` and SARIF.
enum DiagnosticDocs {
    /// Every documented code, in code order.
    static let all: [DiagnosticDoc] = [
        DiagnosticDoc(
            number: 101, title: ##"invalid UTF-8"##, page: "lexical.md",
            markdown: ##"""
            Mentor source is UTF-8. A byte (or a run of bytes) that does not form a UTF-8 character is
            reported where it stands, with its value, and the lexer carries on after it; this happens in
            code, strings and comments alike.

            ```mentor
            // Written in Latin-1, not UTF-8: caf<0xE9> au lait
            ```

            ```
            invalid_utf8.mentor:1:38: error: invalid UTF-8 byte 0xE9
            ```

            **Fix**: save the file as UTF-8 (most editors offer "re-open with encoding" and "save with
            encoding"), or delete the bytes.
            """##),
        DiagnosticDoc(
            number: 102, title: ##"NUL byte"##, page: "lexical.md",
            markdown: ##"""
            A zero byte anywhere in the file, usually left by a binary tool or a broken copy.

            ```mentor
            // A stray zero byte: a<0x00>b
            ```

            **Fix**: remove it. Mentor source is plain text.
            """##),
        DiagnosticDoc(
            number: 103, title: ##"unexpected character"##, page: "lexical.md",
            markdown: ##"""
            A character that has no meaning in Mentor outside strings and comments. The diagnostic names
            invisible characters by code point (`U+00A0 (NO-BREAK SPACE)`) and gives advice for the usual
            suspects: `!` (write `not`, or `!=`), `&`/`|` (write `and`/`or`), `'` (strings use `"`),
            typographic quotes, `−` `×` `÷` `≤` `≥` `≠` `→` (with their ASCII spelling as a fix), unusual
            spaces (a fix replaces them with a plain space), and `%` not glued to a number.

            ```mentor
            // A no-break space (U+00A0) hides before the equals sign.
            let x = 1
            ```

            ```
            unexpected_character.mentor:2:6: error: unexpected character U+00A0 (NO-BREAK SPACE)
            ```

            **Fix**: delete the character or replace it as suggested; inside a string it is fine.
            """##),
        DiagnosticDoc(
            number: 104, title: ##"unterminated string"##, page: "lexical.md",
            markdown: ##"""
            A `"…"` string must close on the line where it opens. At the line break (or the end of the
            file) the lexer ends the string with this error and reads the next line as code again, so
            one missing quote does not swallow the rest of the file. A `"""` string that reaches the end
            of the file is reported the same way ("unterminated multi-line string").

            The error points at the opening quote, where the string began (as rustc, clang and Go do),
            and a secondary label marks where it broke off: the line's end, or the file's end.

            ```mentor
            let greeting = "hello
            ```

            ```
            unterminated_string.mentor:1:16: error: unterminated string [M0104]
              |
            1 | let greeting = "hello
              |                ^ this string is never closed
              |                      - the line ends before the closing `"`
            ```

            **Fix**: add the closing `"` (the diagnostic proposes it); for text over several lines,
            use a `"""` string.
            """##),
        DiagnosticDoc(
            number: 105, title: ##"line break inside an interpolation of a one-line string"##, page: "lexical.md",
            markdown: ##"""
            The `\( … )` of a `"…"` string must close on the same line. The string ends at the line
            break, like M0104.

            ```mentor
            let s = "n is \(n
            ```

            **Fix**: close the interpolation and the string on the same line, or use a `"""` string,
            whose interpolations may span lines.
            """##),
        DiagnosticDoc(
            number: 106, title: ##"unterminated block comment"##, page: "lexical.md",
            markdown: ##"""
            A `/*` with no matching `*/`: the rest of the file is inside the comment. Block comments
            nest, so `/* a /* b */ c` is still open after `b */`; the diagnostic points at the outer
            `/*` and, when a nested one is also open, labels it.

            ```mentor
            /* notes /* nested */ still open
            ```

            **Fix**: add the missing `*/`, one for each open `/*`.
            """##),
        DiagnosticDoc(
            number: 107, title: ##"invalid escape"##, page: "lexical.md",
            markdown: ##"""
            Inside strings, a backslash starts one of `\\` `\"` `\n` `\t` `\r` `\0` `\u{…}` (1 to 8 hex
            digits naming a Unicode scalar) or `\(…)` (interpolation). Anything else is reported on the
            escape alone, and the string goes on after it.

            ```mentor
            let progress = "50\% done"
            ```

            **Fix**: write `\\` for a literal backslash (proposed as a fix), or use a valid escape. For
            `\u`, the message says what is wrong: a missing `{` or `}`, no digits, more than 8 digits, a
            surrogate (`U+D800`–`U+DFFF`), or a value beyond `U+10FFFF`.
            """##),
        DiagnosticDoc(
            number: 108, title: ##"control character in a string"##, page: "lexical.md",
            markdown: ##"""
            A raw control character (U+0000–U+001F except tab, or U+007F, including a lone carriage
            return) inside a string: it would be invisible in the source.

            ```mentor
            let s = "bell:<0x07>"
            ```

            **Fix**: write it as an escape; the diagnostic proposes `\u{7}` (or `\r`).
            """##),
        DiagnosticDoc(
            number: 109, title: ##"text after the opening `"""`"##, page: "lexical.md",
            markdown: ##"""
            The text of a `"""` string starts on the line after the opening delimiter; only blanks may
            follow the `"""` on its own line. If the same line also holds a closing `"""`, the string
            ends there (the writer most likely meant a one-line string); otherwise it continues below.

            ```mentor
            let letter = """Dear Ana,
              see you soon
              """
            ```

            **Fix**: move the text to the next line, or use `"…"` for one line.
            """##),
        DiagnosticDoc(
            number: 110, title: ##"closing `"""` not on its own line"##, page: "lexical.md",
            markdown: ##"""
            The closing `"""` of a multi-line string must be preceded on its line by blanks only,
            because those blanks set the string's indentation. The string ends there anyway.

            ```mentor
            let letter = """
              Dear Ana,
              see you soon"""
            ```

            **Fix**: put a line break before the closing `"""`.
            """##),
        DiagnosticDoc(
            number: 111, title: ##"line indented less than the closing `"""`"##, page: "lexical.md",
            markdown: ##"""
            The blanks before the closing `"""` are removed from every line of the text, so every line
            must start with exactly those blanks (spaces and tabs compared one for one). Lines that are
            empty or only blanks are exempt.

            ```mentor
            let letter = """
                Dear Ana,
              see you soon
                """
            ```

            **Fix**: indent the line at least as far as the closing `"""`, with the same mix of spaces
            and tabs, or move the closing `"""` left.
            """##),
        DiagnosticDoc(
            number: 112, title: ##"number too large"##, page: "lexical.md",
            markdown: ##"""
            An integer above 9223372036854775807 (integers are exact 64-bit numbers), a duration whose
            amount is, or a decimal beyond about 1.8 × 10^308. The token keeps its kind, so parsing goes
            on normally.

            ```mentor
            let big = 9223372036854775808
            ```

            **Fix**: use a smaller number; for an inexact large quantity write a decimal (`….0`, which
            the diagnostic proposes).
            """##),
        DiagnosticDoc(
            number: 113, title: ##"malformed number"##, page: "lexical.md",
            markdown: ##"""
            Letters, digits or `_` glued to a number: `4weeks`, `1_000`, `0x1F`, `10:00am`,
            `2026-01-12x`. They are reported as one token rather than as a number followed by a name.

            ```mentor
            let term = 4weeks
            ```

            **Fix**: put a space between a number and its unit (`4 weeks`, proposed as a fix), write
            digits without separators (`1000`), write numbers in decimal, and times on the 24-hour clock.
            """##),
        DiagnosticDoc(
            number: 114, title: ##"invalid date"##, page: "lexical.md",
            markdown: ##"""
            A date is `YYYY-MM-DD` and must exist in the (proleptic Gregorian) calendar, leap years
            included: `2024-02-29` is fine, `2025-02-29`, `2026-04-31`, `2026-13-01` and `2026-01-00`
            are not. A date shape with extra digits (`2026-01-123`) is reported too.

            ```mentor
            let start = 2026-02-30
            ```

            ```
            invalid_date.mentor:1:13: error: day 30 does not exist in `2026-02-30`
              label: February 2026 has 28 days
            ```

            **Fix**: write a real date. (`2026-1-12`, without the leading zeros, is not a date but the
            subtraction `2026 - 1 - 12`.)
            """##),
        DiagnosticDoc(
            number: 115, title: ##"invalid time"##, page: "lexical.md",
            markdown: ##"""
            A time of day is `H:MM` or `HH:MM`, from `00:00` to `23:59`. Digits, a colon and digits
            written together are always read as a time, so `24:00`, `9:75`, `9:5` and `123:45` are
            reported.

            ```mentor
            let at = 24:00
            ```

            **Fix**: write hours 0–23 and two digits of minutes 00–59; midnight is `00:00`.
            """##),
        DiagnosticDoc(
            number: 116, title: ##"fractional duration"##, page: "lexical.md",
            markdown: ##"""
            Durations count whole units: `1.5 hours` is not a duration. When the amount is a whole
            number of the next smaller unit of the same kind (hours → minutes, weeks → days, years →
            months), the diagnostic proposes it.

            ```mentor
            let length = 1.5 hours
            ```

            ```
            fractional_duration.mentor:1:14: error: a duration is a whole number of units, not `1.5 hours`
              help: write `90 minutes`
            ```

            **Fix**: write a whole number, in a smaller unit if needed.
            """##),
        DiagnosticDoc(
            number: 201, title: ##"unexpected token"##, page: "syntax.md",
            markdown: ##"""
            **Meaning.** At this point the grammar allows only certain tokens (named after "expected"), and
            another one stands there. The help line, where there is one, names the usual cause.

            **Example.**

            ```mentor
            person ana "Ana Ruiz" {
              email "ana@example.org"
            }
            ```

            ```
            ana.mentor:2:9: error: expected `:` after the field name `email`, found a string
            ```

            Other common cases: `let = 1` (a name is missing), `if a b` (an `if` statement needs `{`, an
            `if` expression `then`), `1 + if c then 2 else 3` (an `if` expression or a `not` inside an
            operator needs parentheses), `print(weekly, then monthly)` (cadence phases are only read as the
            value of a field or a `let`), `else` with no `if` before it, and `import` inside a block.

            **Fix.** Write what the message expects: here `email: "ana@example.org"`. Members are
            `name: value`; nested declarations are `goal name "Title" { … }`.
            """##),
        DiagnosticDoc(
            number: 202, title: ##"unclosed delimiter"##, page: "syntax.md",
            markdown: ##"""
            **Meaning.** A bracket `(` or `[`, a brace `{`, or a string interpolation `\(` is not closed: the
            file ends inside it, a different closing bracket comes first, or a new line begins before it is
            closed where a closing bracket was expected. A second label points at the opening delimiter.
            When the closing bracket was most likely forgotten at the end of a line, the diagnostic points
            there.

            **Example.**

            ```mentor
            agreement ana_dave {
              channels: [in_person, video, email
            }
            ```

            ```
            ana_dave.mentor:3:1: error: expected `,` or `]` to close `[`, found `}`
            ```

            **Fix.** Close the delimiter: `channels: [in_person, video, email]`. Inside `( … )` and
            `[ … ]` line breaks do not end anything, so a missing `)` or `]` is only noticed where something
            that cannot continue the list appears.
            """##),
        DiagnosticDoc(
            number: 203, title: ##"nesting too deep"##, page: "syntax.md",
            markdown: ##"""
            **Meaning.** The input nests more than 256 levels deep. Every bracket, block, declaration body,
            string interpolation, prefix operator (`-`, `not`, `every`), right-hand side of `??`, lambda
            body and `if … then … else` branch opens one level. The limit keeps the parser fast and safe on
            any input; real programs stay far below it. The parser reports this once and skips the rest of
            the top-level item in which it happened.

            **Example.**

            ```mentor
            let deep = [[[[[[ … 300 levels … ]]]]]]
            ```

            ```
            deep.mentor:1:268: error: nesting is too deep: more than 256 levels of brackets, blocks or operators
            ```

            **Fix.** Split the expression: give inner parts names with `let`, or move them into an `fn`.
            """##),
        DiagnosticDoc(
            number: 204, title: ##"chained comparison"##, page: "syntax.md",
            markdown: ##"""
            **Meaning.** Comparisons (`==`, `!=`, `<`, `<=`, `>`, `>=`) do not chain: `a < b < c` would
            compare the *result* of `a < b`, a bool, with `c`, which is never what is meant. The rest of the
            expression is still read.

            **Example.**

            ```mentor
            let in_range = 1 < 2 < 3
            ```

            ```
            range.mentor:1:22: error: comparisons cannot be chained
            ```

            **Fix.** Join the comparisons with `and`: `1 < 2 and 2 < 3`. If the bool really is meant,
            parenthesise it: `(a == b) == c`.
            """##),
        DiagnosticDoc(
            number: 205, title: ##"chained cadence limit"##, page: "syntax.md",
            markdown: ##"""
            **Meaning.** A cadence phase `C for D` limits the cadence `C` to the duration `D`; limiting it
            again (`C for D for E`) has no meaning.

            **Example.**

            ```mentor
            let rhythm = weekly for 4 weeks for 2 weeks
            ```

            ```
            rhythm.mentor:1:33: error: a cadence limit `C for D` cannot be limited again
            ```

            **Fix.** Give each phase one limit and chain phases with `, then`:
            `weekly for 4 weeks, then biweekly for 2 months, then monthly`.
            """##),
        DiagnosticDoc(
            number: 206, title: ##"missing separator"##, page: "syntax.md",
            markdown: ##"""
            **Meaning.** Two statements stand on one line without a `;` between them, or two members of a
            declaration or record without a `,` between them. Often the first part is unfinished: a `=`
            where Mentor has no assignment, or a declaration word used outside its body (`step`, `goal`
            and `session` are only declarations inside a `pathway`, an `agreement` and an `agenda`).

            **Example.**

            ```mentor
            let a = 1 let b = 2
            ```

            ```
            a.mentor:1:11: error: expected a line break or `;` after the statement, found `let`
            ```

            **Fix.** Put each statement (or member) on its own line, or separate them with `;` (members
            with `,`). Names are bound once with `let name = value`.
            """##),
        DiagnosticDoc(
            number: 207, title: ##"interpolated import path"##, page: "syntax.md",
            markdown: ##"""
            **Meaning.** An `import` path is read before the program runs, so it cannot depend on values.

            **Example.**

            ```mentor
            let folder = "agreements"
            import "\(folder)/ana_dave.mentor"
            ```

            ```
            main.mentor:2:8: error: an import path cannot contain interpolation
            ```

            **Fix.** Write the path as plain text, relative to the importing file:
            `import "agreements/ana_dave.mentor"`.
            """##),
        DiagnosticDoc(
            number: 208, title: ##"invalid lambda parameters"##, page: "syntax.md",
            markdown: ##"""
            **Meaning.** `=>` follows something other than a lambda's parameter list. A lambda is `x => …`,
            `(x, y) => …` or `() => …`, and it stands where a whole expression is expected (its body
            extends as far right as possible), so inside an operator it must be parenthesised.

            **Example.**

            ```mentor
            let add = (a + b) => a
            ```

            ```
            add.mentor:1:19: error: expected an operator or the end of the expression, found `=>`
            ```

            **Fix.** Name the parameters: `let add = (a, b) => a + b`; or parenthesise a lambda used as an
            operand: `f ?? (x => x)`.
            """##),
        DiagnosticDoc(
            number: 209, title: ##"expression too deep"##, page: "syntax.md",
            markdown: ##"""
            **Meaning.** An expression's tree is more than 4096 levels deep. Each link of an operator
            chain (`a + b + c`, `x and y and z`, string and list `+`) or of a postfix chain (`a.b.c`,
            `f(x)(y)`, `r with { … } with { … }`) adds one level, as each nested expression does. Every
            later stage (the resolver, the interpreter, `fmt`, the exporters) walks the tree, and the limit
            keeps them within their stack; real programs stay far below it. The parser reports this once
            for the top-level item, reads the rest of the chain, and carries on.

            **Example.**

            ```mentor
            let total = 1 + 1 + 1 + … 5,000 terms … + 1
            ```

            ```
            total.mentor:1:16393: error: expression is too long: more than 4096 levels of chained operators, calls or members
            ```

            **Fix.** Split the expression with `let`: name a part, as in `let part = a + b`, and use
            `part` in the rest; or sum a list with `.sum()`.
            """##),
        DiagnosticDoc(
            number: 210, title: ##"assignment as comparison"##, page: "syntax.md",
            markdown: ##"""
            **Meaning.** A single `=` between two operands, where a comparison was almost certainly
            meant. `=` only names a value, in `let x = …` and `fn f(x) = …`. The parser reads it as `==`
            to go on, so the rest of the file is checked.

            **Example.**

            ```mentor
            rule capacity "At most three mentees" {
              for m in people {
                require m.mentees.count = 3 else "\(m.name) has other than three mentees"
              }
            }
            ```

            ```
            capacity.mentor:3:29: error: `=` does not compare values [M0210]
              |
            3 |     require m.mentees.count = 3 else "\(m.name) has other than three mentees"
              |                             ^ to compare, write `==`
              = help: `=` only names a value, in `let x = …` and `fn f(x) = …`
            ```

            **Fix.** Write `==`.
            """##),
        DiagnosticDoc(
            number: 211, title: ##"missing else"##, page: "syntax.md",
            markdown: ##"""
            **Meaning.** A `require`, `warn` or `expect` whose message string follows the condition
            without the `else` between them. The parser reads it as if the `else` were there.

            **Example.**

            ```mentor
            rule named "Everyone has a name" {
              for p in people {
                require p.name != "" "a person without a name"
              }
            }
            ```

            ```
            named.mentor:3:26: error: `require` needs `else` before its message [M0211]
              |
            3 |     require p.name != "" "a person without a name"
              |                          ^^^^^^^^^^^^^^^^^^^^^^^^^ the message
              = help: write `require condition else "message"`
              = help: insert `else` before the message
            ```

            **Fix.** Insert `else` before the message: `require p.name != "" else "a person without a name"`.
            """##),
        DiagnosticDoc(
            number: 301, title: ##"undeclared name"##, page: "names-and-runtime.md",
            markdown: ##"""
            A name that is neither a local (`let`, parameter, `for` binding), a top-level `let`/`fn`, a
            declared entity, nor a built-in. The diagnostic suggests the closest declared names.

            ```mentor
            let sessions = 15
            print(sesions)
            ```

            ```
            undeclared.mentor:2:7: error: cannot find `sesions` in scope [M0301]
              |
            2 | print(sesions)
              |       ^^^^^^^ did you mean `sessions`?
            ```

            **Fix**: correct the spelling, or declare the name. Declarations are shared across all loaded
            files, so a name declared in another file is found only if that file is loaded too (given on
            the command line, inside a checked folder, or `import`ed).
            """##),
        DiagnosticDoc(
            number: 302, title: ##"statement out of place"##, page: "names-and-runtime.md",
            markdown: ##"""
            `require`, `warn` and `fail` only make sense inside a `rule`, and `expect` only inside a
            `test`: elsewhere there is nothing to report them against.

            ```mentor
            require 1 == 1 else "never"
            ```

            ```
            require_outside_rule.mentor:1:1: error: `require` is only allowed inside a `rule` [M0302]
            ```

            **Fix**: move the statement into a `rule NAME "Title" { … }` (or `expect` into a
            `test "name" { … }`). In a script, use `if not COND { print("…") }`.
            """##),
        DiagnosticDoc(
            number: 303, title: ##"duplicate parameter"##, page: "names-and-runtime.md",
            markdown: ##"""
            A function with two parameters of the same name; the second would hide the first.

            ```mentor
            fn f(a, a) = a
            ```

            ```
            duplicate_parameter.mentor:1:9: error: parameter `a` is declared twice [M0303]
            ```

            **Fix**: rename one of the parameters.
            """##),
        DiagnosticDoc(
            number: 304, title: ##"duplicate field"##, page: "names-and-runtime.md",
            markdown: ##"""
            A record literal, a `with { … }` or a declaration gives the same field twice. The note points
            at the first one.

            ```mentor
            print({ a: 1, a: 2 })
            ```

            ```
            duplicate_field.mentor:1:15: error: field `a` is given twice [M0304]
            ```

            **Fix**: keep one of them.
            """##),
        DiagnosticDoc(
            number: 305, title: ##"invalid date value"##, page: "names-and-runtime.md",
            markdown: ##"""
            A date or time literal that is not on the calendar (`2026-02-30`, `24:00`). The lexer already
            reports these as [M0114](lexical.md#m0114--invalid-date) and
            [M0115](lexical.md#m0115--invalid-time), so the resolver's check is a safety net that
            source text cannot reach; you will see M0114/M0115 instead.

            **Fix**: as for M0114 and M0115 — write a real date or a time between `00:00` and `23:59`.
            """##),
        DiagnosticDoc(
            number: 306, title: ##"duplicate global"##, page: "names-and-runtime.md",
            markdown: ##"""
            Reserved for a top-level `let` or `fn` declared twice. The tool currently reports that case as
            [M0504](domain.md#m0504--duplicate-declaration), because `let`s, `fn`s and entities share one
            namespace:

            ```mentor
            let x = 1
            let x = 2
            ```

            ```
            duplicate_let.mentor:2:5: error: `x` is declared twice [M0504]
            ```

            **Fix**: rename or remove one of the declarations.
            """##),
        DiagnosticDoc(
            number: 307, title: ##"let cycle"##, page: "names-and-runtime.md",
            markdown: ##"""
            Top-level `let`s are evaluated when first needed, in any order; if computing one needs its own
            value (directly or through other `let`s) there is no order that works. The error is at the use
            that closes the cycle, with a note at the declaration.

            ```mentor
            let a = b + 1
            let b = a + 1
            print(a)
            ```

            ```
            let_cycle.mentor:2:9: error: `a` depends on its own value [M0307]
              |
            2 | let b = a + 1
              |         ^
            note: let_cycle.mentor:1:5: `a` is declared here
            ```

            **Fix**: break the cycle: give one of the values directly, or turn the computation into a
            `fn` with a parameter.
            """##),
        DiagnosticDoc(
            number: 310, title: ##"unknown domain word"##, page: "names-and-runtime.md",
            markdown: ##"""
            A word that a field taking words does not know: a channel in `channels`, a role in
            `booking`, a cadence word in `cadence` or `review`, a policy in `weekends` (`move`, `keep`), or
            a boolean in `confidential`; or an ordinal or weekday in a cadence's weekday pin
            (`monthly on the fifth tues`: the ordinals are `first` … `fourth` and `last`, the weekdays
            `monday` … `sunday`, and `tues` → `tuesday`; `Tests/Golden/calendar/weekday_pin_unknown_words`). The error
            lists the words the field takes, and suggests the one meant: the closest spelling, or the word
            an everyday synonym stands for (`fortnightly` → `biweekly`, `quarterly` → `every 3 months`,
            `skype`, `zoom` or `teams` → `video`, `face_to_face` → `in_person`, `yes` → `true`). In a
            rule, an undeclared synonym such as `zoom` is M0301 with the same suggestion.

            ```mentor
            person ana "Ana Ruiz"
            person dave "Dave Okafor"
            agreement ana_dave {
              mentor: ana, mentee: dave, start: 2026-01-12
              cadence: fortnightly
              channels: [zoom]
            }
            ```

            ```
            unknown_word.mentor:5:12: error: `fortnightly` is not a cadence [M0310]
              |
            5 |   cadence: fortnightly
              |            ^^^^^^^^^^^ did you mean `biweekly`?
              = help: the cadences are `weekly`, `biweekly`, `monthly`, `every N days`, `every N weeks` and `every N months`
            ```

            **Fix**: write one of the listed words (`cadence: biweekly`, `channels: [video]`).
            """##),
        DiagnosticDoc(
            number: 311, title: ##"hidden symbol word"##, page: "names-and-runtime.md",
            markdown: ##"""
            A warning: a symbol word (`mentor`, `video`, `active`, …) compared with `==`, `!=` or
            `contains` where the programme declares an entity of that name, so the name means the entity
            and not the word. Declared names always win over symbol words; the comparison then compares
            with the entity, and when it runs against a symbol it stops with M0420.

            ```mentor
            person mentor "Mentor Account"
            person dave "Dave Okafor"
            agreement mentor_dave { mentor: mentor, mentee: dave, start: 2026-01-12, booking: mentee }
            print(mentor_dave.booking == mentor)
            ```

            ```
            hidden.mentor:4:30: warning: `mentor` here is the person `mentor`, not the symbol `mentor` (a booking role) [M0311]
              |
            4 | print(mentor_dave.booking == mentor)
              |                              ^^^^^^ the person
              = help: a declared name hides the word of the same spelling; rename the person to compare with the word
            note: hidden.mentor:1:8: the person is declared here
            ```

            **Fix**: rename the declaration (`person mentor_account`), so the word means the symbol again.
            """##),
        DiagnosticDoc(
            number: 330, title: ##"unknown standard rule"##, page: "names-and-runtime.md",
            markdown: ##"""
            `import std.NAME` and `import std except NAME, …` name standard rules; a name that is not one
            is an error at the name, with the closest rule's name as a did-you-mean and the list of the
            standard rules. The same error is given for `std.NAME` in an expression when `NAME` is no
            standard rule.

            ```mentor
            import std.smart_goal
            import std except no_supervisr, boundaries
            ```

            ```
            select_unknown.mentor:2:12: error: `smart_goal` is not a standard rule [M0330]
              |
            2 | import std.smart_goal
              |            ^^^^^^^^^^ did you mean `smart_goals`?
              = help: the standard rules are `smart_goals`, `no_supervisor`, `boundaries`, `ending_clause`, `review_rhythm`, `credentialed_mentors`, `prerequisites`, `agenda_checkin`, `signed_before_start`, `inactivity`
            ```

            **Fix**: use the rule's name as `docs/std.md` lists it.
            """##),
        DiagnosticDoc(
            number: 331, title: ##"standard rule not imported"##, page: "names-and-runtime.md",
            markdown: ##"""
            `std.NAME` names a standard rule that the programme's imports left out (`import std except
            NAME`, or `import std.OTHER` only), so there is no such rule to refer to.

            ```mentor
            import std except boundaries

            test "boundaries are checked" {
              expect violations(std.boundaries, ana_dave).count == 1
            }
            ```

            ```
            select_not_imported.mentor:9:25: error: the standard rule `boundaries` is not imported [M0331]
              = help: add `import std.boundaries`, or remove it from the `except` list
            ```

            **Fix**: import the rule (`import std.boundaries`), or stop referring to it.
            """##),
        DiagnosticDoc(
            number: 401, title: ##"type mismatch"##, page: "names-and-runtime.md",
            markdown: ##"""
            An operator applied to values it does not take. The message names both operands' types and
            values.

            ```mentor
            print("a" - 1)
            ```

            ```
            type_mismatch.mentor:1:7: error: cannot apply `-` to a string ("a") and a number (1) [M0401]
            ```

            `sum` of a list holding anything but numbers or durations is M0401 too (`[[1], [2]].sum`:
            `sum` adds, it does not join lists).

            **Fix**: convert or pick the right operand; strings join with interpolation
            (`"\(a)\(b)"`) or `+`, dates take durations (`2026-01-12 + 2 weeks`).
            """##),
        DiagnosticDoc(
            number: 402, title: ##"integer overflow"##, page: "names-and-runtime.md",
            markdown: ##"""
            Integers are exact 64-bit values; a result beyond ±9,223,372,036,854,775,807 is an error,
            never a wrap-around.

            ```mentor
            print(9223372036854775807 + 1)
            ```

            ```
            integer_overflow.mentor:1:7: error: arithmetic overflow: the result does not fit in a 64-bit integer [M0402]
            ```

            **Fix**: keep numbers in range; a decimal operand (`1.0 * …`) computes in floating point.
            """##),
        DiagnosticDoc(
            number: 403, title: ##"division by zero"##, page: "names-and-runtime.md",
            markdown: ##"""
            ```mentor
            let zero = 0
            print(10 / zero)
            ```

            ```
            division_by_zero.mentor:2:12: error: division by zero [M0403]
            ```

            **Fix**: test the divisor first: `if n == 0 then 0 else total / n`.
            """##),
        DiagnosticDoc(
            number: 404, title: ##"not callable"##, page: "names-and-runtime.md",
            markdown: ##"""
            A call `x(…)` where `x` is not a function.

            ```mentor
            let n = 3
            print(n(1))
            ```

            ```
            not_callable.mentor:2:7: error: a number (3) is not a function [M0404]
            ```

            **Fix**: call a function, or drop the parentheses. An entity's members are read with `.`
            (`ana.name`), not called.
            """##),
        DiagnosticDoc(
            number: 405, title: ##"wrong argument count"##, page: "names-and-runtime.md",
            markdown: ##"""
            A call gives more or fewer arguments than the function takes.

            ```mentor
            fn add(a, b) = a + b
            print(add(1))
            ```

            ```
            wrong_argument_count.mentor:2:7: error: `add` takes 2 arguments, but 1 was given [M0405]
            ```

            **Fix**: pass one argument per parameter. In `x.f(y)` the receiver `x` is the first argument.
            """##),
        DiagnosticDoc(
            number: 406, title: ##"unknown member"##, page: "names-and-runtime.md",
            markdown: ##"""
            A member (`.name`) that the value does not have. A missing member is always an error, never a
            silent `none`; the diagnostic suggests close member names.

            ```mentor
            let xs = [1, 2, 3]
            print(xs.cout)
            ```

            ```
            unknown_member.mentor:2:10: error: a list ([1, 2, 3]) has no member `cout` [M0406]
            ```

            **Fix**: correct the name. Lists have `count`, `first`, `last`, `isEmpty`, `contains`, `map`,
            `filter`, `any`, `all`, `sum`, `min`, `max`, `sorted`, `join`; the members of each entity are
            listed in the language reference.
            """##),
        DiagnosticDoc(
            number: 407, title: ##"recursion limit"##, page: "names-and-runtime.md",
            markdown: ##"""
            Function calls nested more than 2000 deep — usually a recursion without a base case. Top-level
            `let`s and entity fields evaluated when first read count as calls too: `let a0 = a1`,
            `let a1 = a2`, … 3,000 times is `values that need each other nested more than 2000 deep`.
            Calls that are fewer but each hold a very long expression stop with `… nested too deep for
            the stack` once half of the evaluation's 512 MiB stack is used.

            ```mentor
            fn f(x) = f(x)
            print(f(1))
            ```

            ```
            recursion_limit.mentor:1:11: error: calls nested more than 2000 deep [M0407]
            ```

            **Fix**: give the recursion a case that stops it, or use list members (`map`, `filter`,
            `sum`) instead of recursion; compute a long chain of values with a function or a list
            instead of one `let` or field per step.
            """##),
        DiagnosticDoc(
            number: 408, title: ##"step budget exhausted"##, page: "names-and-runtime.md",
            markdown: ##"""
            Evaluation is limited to a number of steps, so a runaway program stops with an error rather
            than hanging. The budget is reset for each rule and test; `--max-steps N` changes it.

            ```mentor
            // mentor: run --max-steps 1000 {file}
            fn count(n) = if n == 0 then 0 else 1 + count(n - 1)
            print(count(1500))
            ```

            ```
            step_budget.mentor:2:41: error: evaluation took more than 1000 steps [M0408]
            ```

            **Fix**: look for a loop or recursion that never ends; if the work is genuinely large, raise
            the budget with `--max-steps`.
            """##),
        DiagnosticDoc(
            number: 409, title: ##"calendar mismatch"##, page: "names-and-runtime.md",
            markdown: ##"""
            Month-based durations (months, years) and day-based ones (days, weeks) have no fixed ratio, so
            they do not compare; and dates carry no time of day, so a date plus minutes or hours is
            meaningless.

            ```mentor
            print(1 month < 30 days)
            ```

            ```
            calendar_mismatch.mentor:1:7: error: cannot compare 1 month with 30 days [M0409]
            ```

            ```mentor
            print(2026-01-12 + 90 minutes)
            ```

            ```
            date_plus_minutes.mentor:1:7: error: cannot add 90 minutes to a date: dates carry no time of day [M0409]
            ```

            **Fix**: compare like with like (`4 weeks < 30 days`, `1 month < 2 months`); to compare
            calendar spans, compare the dates they lead to (`start + 1 month < start + 30 days`).
            """##),
        DiagnosticDoc(
            number: 410, title: ##"date out of range"##, page: "names-and-runtime.md",
            markdown: ##"""
            Dates run from year 1 to 9999. A computation that leaves that range — or a time of day plus a
            duration that leaves the day — is an error.

            ```mentor
            print(9999-12-31 + 1 day)
            ```

            ```
            date_out_of_range.mentor:1:7: error: 9999-12-31 + 1 day is outside the years 1 to 9999 [M0410]
            ```

            **Fix**: check the duration; a year typed as a number of days (`3650 years`) is the usual
            cause.
            """##),
        DiagnosticDoc(
            number: 411, title: ##"invalid cadence"##, page: "names-and-runtime.md",
            markdown: ##"""
            A cadence that cannot produce a schedule: an interval or phase length of zero
            (`every 0 days`, `weekly for 0 weeks`), a phase after one that runs forever, or a weekday pin
            on a rhythm in days or weeks (`biweekly on the first tuesday`, which keeps its weekday anyway;
            `Tests/Golden/calendar/weekday_pin_needs_months`).

            ```mentor
            let rhythm = monthly, then weekly
            print(rhythm)
            ```

            ```
            invalid_cadence.mentor:1:28: error: `monthly` runs on forever, so no phase can follow it [M0411]
            ```

            **Fix**: give every phase but the last a positive `for` duration
            (`weekly for 4 weeks, then monthly`), and use positive intervals.
            """##),
        DiagnosticDoc(
            number: 412, title: ##"interrupted"##, page: "names-and-runtime.md",
            markdown: ##"""
            Ctrl-C pressed while the REPL evaluates an input. The input is abandoned and the session
            carries on; nothing is left half-declared. There is no golden test for this code, since it
            needs a terminal.

            **Fix**: none needed. If an input runs long, it may be a runaway loop
            ([M0408](#m0408--step-budget-exhausted) would stop it eventually).
            """##),
        DiagnosticDoc(
            number: 413, title: ##"not comparable"##, page: "names-and-runtime.md",
            markdown: ##"""
            `<`, `<=`, `>` and `>=` need two values with an order: numbers, strings, dates, times, or
            durations of the same class. `none` has no order, which is the usual cause: an optional
            field that was not given.

            ```mentor
            print(none < 2026-01-01)
            ```

            ```
            not_comparable.mentor:1:7: error: cannot order `none` and a date (2026-01-01) [M0413]
            ```

            **Fix**: give a default with `??` (`(g.due ?? a.end) <= a.end`), or test for `none` first.
            """##),
        DiagnosticDoc(
            number: 414, title: ##"size limit"##, page: "names-and-runtime.md",
            markdown: ##"""
            A string that would be longer than 10,000,000 bytes (built by `+`, interpolation or `join`),
            a list that would hold more than 1,000,000 elements (built by `+`), or a value whose text for
            `print`, interpolation or the REPL's echo would pass the string limit (a list holding the same
            inner list many times over is cheap to build but its text is not). The limits keep a runaway
            program from exhausting memory.

            ```mentor
            fn grow(s, n) = if n == 0 then s else grow("\(s)\(s)", n - 1)
            print(grow("ab", 40).count)
            ```

            ```
            size_limit.mentor:1:44: error: string longer than 10000000 bytes [M0414]
            ```

            The list case reads `error: list longer than 1000000 elements [M0414]`.

            **Fix**: look for a recursion or loop that keeps doubling a value.
            """##),
        DiagnosticDoc(
            number: 420, title: ##"symbol comparison"##, page: "names-and-runtime.md",
            markdown: ##"""
            A symbol (a word such as `video`, `mentee`, `active` or `warning`; see the reference's
            Symbols) compared with `==`, `!=` or `contains` with a value that is neither a symbol nor
            `none`. Such a comparison could only be false, so it is an error rather than a rule that never
            fires. Comparing with a string gets the hint to drop the quotes; comparing with a declared
            entity of the same name says that the name hides the word.

            ```mentor
            person ana "Ana Ruiz"
            person dave "Dave Okafor"
            agreement ana_dave { mentor: ana, mentee: dave, start: 2026-01-12, booking: mentee }
            print(ana_dave.booking == "mentee")
            ```

            ```
            symbol.mentor:4:7: error: cannot compare the symbol `mentee` with a string ("mentee") [M0420]
              |
            4 | print(ana_dave.booking == "mentee")
              |       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^
              = help: write the word without quotes: `mentee`
            ```

            **Fix**: write the word bare (`a.booking == mentee`); if a declared name hides the word, rename
            the declaration.
            """##),
        DiagnosticDoc(
            number: 421, title: ##"index out of range"##, page: "names-and-runtime.md",
            markdown: ##"""
            `xs[i]` with `i` below 0 or not below the list's length. The label gives the length and the
            valid indices.

            ```mentor
            let xs = [3, 1, 2]
            print(xs[3])
            ```

            ```
            index.mentor:2:10: error: index 3 is outside the list [M0421]
              |
            2 | print(xs[3])
              |          ^ the list has 3 elements, indexed 0 to 2
              = help: `first` and `last` give `none` for an empty list instead of an error
            ```

            **Fix**: check `xs.count` first, or use `first`, `last`, `take(n)` or `drop(n)`.
            """##),
        DiagnosticDoc(
            number: 422, title: ##"function not called"##, page: "names-and-runtime.md",
            markdown: ##"""
            A user `fn` named after a dot without parentheses (`3.describe`). Built-in members with no
            arguments drop their parentheses (`xs.count`); a user function is always called with them.

            ```mentor
            fn describe(n) = "\(n) sessions"
            print(3.describe)
            ```

            ```
            fn_member.mentor:2:9: error: `describe` is a function, not a member of a number (3) [M0422]
              |
            2 | print(3.describe)
              |         ^^^^^^^^ call it: `describe()`
              = help: a user `fn` is called with parentheses, also after a dot
            ```

            **Fix**: add the parentheses: `3.describe()`.
            """##),
        DiagnosticDoc(
            number: 501, title: ##"unknown field"##, page: "domain.md",
            markdown: ##"""
            A field that the declaration's kind does not have. The diagnostic suggests the closest field
            name and lists them all.

            ```mentor
            person ana "Ana Ruiz" {
              emial: "ana@example.org"
            }
            ```

            ```
            unknown_field.mentor:3:3: error: unknown field `emial` in person `ana` [M0501]
              |
            3 |   emial: "ana@example.org"
              |   ^^^^^ did you mean `email`?
              = help: the fields of a person are `email`, `supervisor`, `pathway`, `completed`, `competencies`
            ```

            The same code is reported for `entity with { field: … }` naming a field the kind does not have.

            **Fix**: correct the spelling. The fields of each kind are in the language reference's table
            of declarations.
            """##),
        DiagnosticDoc(
            number: 502, title: ##"field type mismatch"##, page: "domain.md",
            markdown: ##"""
            A field whose value is not of the type the field takes. The message names the expected type and
            what was given.

            ```mentor
            agreement ana_dave {
              mentor: ana
              mentee: dave
              start: "2026-01-12"
            }
            ```

            ```
            field_type_mismatch.mentor:8:10: error: `start` must be a date, but this is a string ("2026-01-12") [M0502]
              |
            8 |   start: "2026-01-12"
              |          ^^^^^^^^^^^^ expected a date
            ```

            An agenda's `for` target that is not an agreement (`agenda plan for ana`, where `ana` is a
            person) is reported with this code too.

            **Fix**: write a value of the named type: dates are bare (`2026-01-12`), durations have a unit
            (`6 months`), people and competencies are named without quotes.
            """##),
        DiagnosticDoc(
            number: 503, title: ##"missing field"##, page: "domain.md",
            markdown: ##"""
            An agreement needs `mentor`, `mentee` and `start`; everything else has a default or may be
            absent. A `closed: { … }` record also needs its `on:` date.

            ```mentor
            agreement ana_dave {
              mentor: ana
              mentee: dave
            }
            ```

            ```
            missing_field.mentor:5:11: error: agreement `ana_dave` has no `start` [M0503]
              |
            5 | agreement ana_dave {
              |           ^^^^^^^^ missing `start`
              = help: add `start: …`; every agreement needs `mentor`, `mentee` and `start`
            ```

            ```mentor
              closed: { reason: "Dave moved to another team" }
            ```

            ```
            closed_without_date.mentor:9:11: error: `closed` needs `on: DATE` [M0503]
            ```

            **Fix**: add the field.
            """##),
        DiagnosticDoc(
            number: 504, title: ##"duplicate declaration"##, page: "domain.md",
            markdown: ##"""
            Names are shared across all loaded files — entities, top-level `let`s and `fn`s alike — so
            each may be declared once. The error is at the second declaration, with a note at the first.
            Nested declarations (goals of an agreement, steps of a pathway) must differ within their
            parent. Declaring a built-in name (`agreements`, `people`, `today`, …) is also M0504.

            ```mentor
            person ana "Ana Ruiz"
            person ana "Ana Ruiz-Silva"
            ```

            ```
            duplicate_declaration.mentor:3:8: error: `ana` is declared twice [M0504]
              |
            3 | person ana "Ana Ruiz-Silva"
              |        ^^^ declared again here
              = help: rename one of them; names are shared across all loaded files
            note: duplicate_declaration.mentor:2:8: first declared here
            ```

            ```mentor
            person agreements "Agreements"
            ```

            ```
            builtin_name.mentor:2:8: error: `agreements` is a built-in name [M0504]
            ```

            **Fix**: rename one of them. If the same file is given twice (once directly and once through
            a folder), give it once.
            """##),
        DiagnosticDoc(
            number: 505, title: ##"mentor is mentee"##, page: "domain.md",
            markdown: ##"""
            An agreement is between two different people.

            ```mentor
            agreement ana_ana {
              mentor: ana
              mentee: ana
              start: 2026-01-12
            }
            ```

            ```
            mentor_is_mentee.mentor:6:11: error: `ana` is both mentor and mentee of `ana_ana` [M0505]
              |
            6 |   mentee: ana
              |           ^^^ same person as the mentor
            ```

            **Fix**: name the right mentee (or mentor).
            """##),
        DiagnosticDoc(
            number: 506, title: ##"requires cycle"##, page: "domain.md",
            markdown: ##"""
            A competency's `requires` leads back to itself, so nobody could ever hold it with all its
            prerequisites. Competencies tied up in one cycle (or in several that share members) are
            reported once, at the one whose name sorts first, with the chain that leads from it back to it.

            ```mentor
            competency listening "Listening" { requires: [questioning] }
            competency questioning "Questioning" { requires: [listening] }
            ```

            ```
            requires_cycle.mentor:2:46: error: competency `listening` requires itself: `listening` → `questioning` → `listening` [M0506]
            ```

            **Fix**: remove one of the `requires` links in the cycle.
            """##),
        DiagnosticDoc(
            number: 507, title: ##"step not in pathway"##, page: "domain.md",
            markdown: ##"""
            A person's `completed` names a step that their `pathway` does not have, or the person lists
            completed steps but has no `pathway` at all.

            ```mentor
            pathway credential "Initial mentor credential" {
              step application "Application submitted"
              step selection "Selected as a mentor candidate"
            }

            person bo "Bo Lindqvist" {
              pathway: credential
              completed: { application: 2026-02-02, selecton: 2026-02-16 }
            }
            ```

            ```
            step_not_in_pathway.mentor:9:41: error: `selecton` is not a step of pathway `credential` [M0507]
              = help: the steps of `credential` are `application`, `selection`
            ```

            ```
            completed_without_pathway.mentor:3:14: error: `bo` lists completed steps but has no `pathway` [M0507]
            ```

            **Fix**: correct the step's name, or add `pathway: NAME`.
            """##),
        DiagnosticDoc(
            number: 508, title: ##"steps out of order"##, page: "domain.md",
            markdown: ##"""
            A warning: a step was completed before a step that comes earlier in the pathway. Pathway steps
            are taken in order, so this is usually a typing mistake in a date.

            ```mentor
            person bo "Bo Lindqvist" {
              pathway: credential
              completed: { application: 2026-02-16, selection: 2026-02-02 }
            }
            ```

            ```
            steps_out_of_order.mentor:9:41: warning: `selection` was completed on 2026-02-02, before the earlier step `application` (2026-02-16) [M0508]
            ```

            **Fix**: check the dates.
            """##),
        DiagnosticDoc(
            number: 509, title: ##"agenda target"##, page: "domain.md",
            markdown: ##"""
            An agenda must say which agreement it plans: `agenda NAME for AGREEMENT { … }`.

            ```mentor
            agenda first_steps {
              session 1 "Getting started"
            }
            ```

            ```
            agenda_without_target.mentor:2:8: error: agenda `first_steps` does not say which agreement it is for [M0509]
              = help: write `agenda first_steps for AGREEMENT { … }`
            ```

            A target that is not an agreement is [M0502](#m0502--field-type-mismatch).

            **Fix**: add `for` and the agreement's name.
            """##),
        DiagnosticDoc(
            number: 510, title: ##"session order"##, page: "domain.md",
            markdown: ##"""
            An agenda's sessions are numbered 1, 2, 3, … in order, each once, because session *n* is
            joined with the *n*-th date of the agreement's schedule.

            ```mentor
            agenda plan for ana_dave {
              session 1 "Getting started"
              session 3 "Goals"
            }
            ```

            ```
            session_out_of_order.mentor:8:11: error: session 3 follows session 1 in agenda `plan` [M0510]
              |
            8 |   session 3 "Goals"
              |           ^ expected session 2
            ```

            ```
            session_twice.mentor:8:11: error: session 1 appears twice in agenda `plan` [M0510]
            ```

            **Fix**: renumber the sessions.
            """##),
        DiagnosticDoc(
            number: 511, title: ##"second program"##, page: "domain.md",
            markdown: ##"""
            A programme has one `program` declaration, which gives the defaults of every agreement.

            ```mentor
            program "Mentor Credential Program" { term: 12 months }
            program "Peer Mentoring" { term: 6 months }
            ```

            ```
            second_program.mentor:3:1: error: a programme has only one `program` declaration [M0511]
            note: second_program.mentor:2:1: the first is here
            ```

            **Fix**: keep one `program`. Separate programmes are checked separately (`mentor check
            peer/`, `mentor check credential/`).
            """##),
        DiagnosticDoc(
            number: 512, title: ##"empty phase"##, page: "domain.md",
            markdown: ##"""
            A cadence phase whose `for` ends before its first session, so it holds none. Since a `for` of
            zero or a negative length is already an [M0411](names-and-runtime.md#m0411--invalid-cadence),
            and a phase's first session always falls inside a positive `for`, source text cannot currently
            produce this error; it is a safeguard of the schedule computation. No golden test exists.

            **Fix**: lengthen the phase's `for`, or remove the phase.
            """##),
        DiagnosticDoc(
            number: 513, title: ##"phase never reached"##, page: "domain.md",
            markdown: ##"""
            A warning: a cadence phase would start on or after the agreement's end, so it never applies.
            A shorter term than the cadence plans for is a legitimate choice, hence only a warning.

            ```mentor
            agreement ana_dave {
              mentor: ana
              mentee: dave
              start: 2026-01-12
              term: 1 month
              cadence: weekly for 8 weeks, then monthly
            }
            ```

            ```
            phase_never_reached.mentor:10:12: warning: phase 2 of the cadence of `ana_dave` is never reached: the agreement ends first [M0513]
               = help: lengthen the agreement's `term` or shorten the earlier phases
            ```

            **Fix**: lengthen `term`, or shorten or drop the earlier phases.
            """##),
        DiagnosticDoc(
            number: 514, title: ##"held outside agreement"##, page: "domain.md",
            markdown: ##"""
            A date in `held:` (sessions that took place) before the agreement's `start` or on or after its
            end.

            ```mentor
            agreement ana_dave {
              mentor: ana
              mentee: dave
              start: 2026-01-12
              held: [2026-01-05, 2026-01-19]
            }
            ```

            ```
            held_outside_agreement.mentor:9:9: error: session held on 2026-01-05 is outside agreement `ana_dave` (2026-01-12 to 2027-01-12) [M0514]
            ```

            **Fix**: correct the date, or the agreement's `start` and `term`.
            """##),
        DiagnosticDoc(
            number: 515, title: ##"closed before start"##, page: "domain.md",
            markdown: ##"""
            An agreement's `closed: { on: … }` date lies before its `start`.

            ```mentor
              start: 2026-01-12
              closed: { on: 2026-01-05, reason: "Dave moved to another team" }
            ```

            ```
            closed_before_start.mentor:9:11: error: agreement `ana_dave` is closed on 2026-01-05, before it starts on 2026-01-12 [M0515]
            ```

            **Fix**: correct the date. An agreement that never started can be removed instead.
            """##),
        DiagnosticDoc(
            number: 516, title: ##"signed by non-party"##, page: "domain.md",
            markdown: ##"""
            A name in `signed:` that is not the agreement's mentor, mentee or co-mentor.

            ```mentor
            agreement ana_dave {
              mentor: ana
              mentee: dave
              start: 2026-01-12
              signed: { ana: 2026-01-05, dave: 2026-01-06, lee: 2026-01-06 }
            }
            ```

            ```
            signed_by_non_party.mentor:10:48: error: `lee` signed agreement `ana_dave` but is not a party to it [M0516]
               = help: the parties are `ana`, `dave`
            ```

            **Fix**: remove the signature, or add the person as `co_mentor` if they are one.
            """##),
        DiagnosticDoc(
            number: 517, title: ##"misplaced declaration"##, page: "domain.md",
            markdown: ##"""
            A nested declaration inside a kind that does not hold it: goals belong in agreements, steps in
            pathways, sessions in agendas.

            ```mentor
            person ana "Ana Ruiz" {
              goal speaking "Speak at the regional meeting"
            }
            ```

            ```
            misplaced_goal.mentor:3:3: error: a `goal` cannot stand inside a `person` [M0517]
              = help: a person has only fields
            ```

            A `step`, `goal` or `session` at the top level of a file is caught earlier, by the parser, as
            [M0206](syntax.md) with a help line saying where it belongs.

            **Fix**: move the declaration into the right parent.
            """##),
        DiagnosticDoc(
            number: 520, title: ##"rule violation"##, page: "domain.md",
            markdown: ##"""
            A `require` whose condition is false, or a `fail`, in a rule without a severity (rules are
            errors by default). The violation is reported at the declaration of the entity bound by the
            innermost `for`, with the rule's name in brackets and a note at the `require`. Each entity is
            reported at most once per rule: the first `require` that fails for it ends that rule's checks
            for that entity.

            ```mentor
            agreement ana_dave { mentor: ana, mentee: dave, start: 2026-01-12 }

            rule has_channels "Channels are agreed" {
              for a in agreements {
                require a.channels != none else "no channels agreed"
              }
            }
            ```

            ```
            rule_violation.mentor:4:11: error: no channels agreed [has_channels] [M0520]
              |
            4 | agreement ana_dave { mentor: ana, mentee: dave, start: 2026-01-12 }
              |           ^^^^^^^^
            note: rule_violation.mentor:8:5: required by rule `has_channels`: Channels are agreed
            ```

            Standard rules are named `std.NAME` (`[std.smart_goals]`).

            **Fix**: change the entity so the rule holds — or, if the rule is wrong, the rule.
            """##),
        DiagnosticDoc(
            number: 521, title: ##"rule warning"##, page: "domain.md",
            markdown: ##"""
            The same as M0520 for a rule declared `rule NAME warning "…"`, and for any `warn` statement.
            Warnings do not make `check` fail unless `--strict` is given.

            ```mentor
            rule has_scope "The scope is written down" {
              for a in agreements {
                warn a.scope != none else "no scope written down"
              }
            }
            ```

            ```
            rule_warning.mentor:4:11: warning: no scope written down [has_scope] [M0521]
            ```

            **Fix**: as for M0520.
            """##),
        DiagnosticDoc(
            number: 522, title: ##"rule failed"##, page: "domain.md",
            markdown: ##"""
            A runtime error (any M04xx) while a rule runs. The rule stops, the error is reported with the
            rule's name, and every other rule still runs. The usual cause is an optional field that is
            `none` for some entity.

            ```mentor
            rule short_terms "Terms are at most a year" {
              for a in agreements {
                require a.term <= 365 days else "term too long"
              }
            }
            ```

            ```
            rule_failed.mentor:8:13: error: rule `short_terms` stopped: cannot order `none` and a duration (365 days) [M0522]
              |
            8 |     require a.term <= 365 days else "term too long"
              |             ^^^^^^^^^^^^^^^^^^
              = help: use `??` to give a default for `none`
            note: rule_failed.mentor:6:6: the other rules still ran
            ```

            (`a.term` is `none` here because neither the agreement nor a `program` gives a term; the
            agreement's `end` still falls 12 months after its start.)

            **Fix**: fix the underlying runtime error; for `none`, give a default with `??` or filter with
            `where`.
            """##),
        DiagnosticDoc(
            number: 523, title: ##"test failed"##, page: "domain.md",
            markdown: ##"""
            Reported by `mentor test` for an `expect` whose condition is false. For a comparison, the
            notes show both sides.

            ```mentor
            // mentor: test --today 2026-06-01 {file}
            agreement ana_dave { mentor: ana, mentee: dave, start: 2026-01-12, cadence: monthly }

            test "a monthly rhythm meets twelve times a year" {
              expect ana_dave.schedule.count == 13 else "expected 13 sessions"
            }
            ```

            ```
            FAIL a monthly rhythm meets twelve times a year
            test_failed.mentor:7:10: error: expectation failed: `ana_dave.schedule.count == 13`: expected 13 sessions [M0523]
              = note: left:  12
              = note: right: 13

            0 passed, 1 failed
            ```

            **Fix**: correct the programme or the expectation.
            """##),
        DiagnosticDoc(
            number: 530, title: ##"import failed"##, page: "domain.md",
            markdown: ##"""
            An `import "path"` that cannot be loaded: the file does not exist or cannot be read, or the
            path is absolute or a URL (import paths are relative to the importing file, so a programme
            folder can be moved as a whole).

            ```mentor
            import "shared/missing.mentor"
            ```

            ```
            import_failed.mentor:2:8: error: cannot import `shared/missing.mentor`: No such file or directory [M0530]
            ```

            ```mentor
            import "/etc/program.mentor"
            ```

            ```
            import_absolute.mentor:2:8: error: import paths are relative to the importing file [M0530]
              = help: write the path relative to `Tests/Golden/domain/import_absolute.mentor`
            ```

            **Fix**: write the path relative to the importing file, and check that the file exists.
            """##),
        DiagnosticDoc(
            number: 550, title: ##"action owner not party"##, page: "domain.md",
            markdown: ##"""
            A warning: an action record in an agenda session (`{ what: "…", owner: PERSON }`) whose owner
            is not the agreement's mentor, mentee or co-mentor. Follow-through is the pair's, so another
            owner is most often a wrong name; when a coordinator really does own the action, the warning
            can stay.

            ```mentor
            agenda plan for ana_dave {
              session 1 { actions: [{ what: "Book the room", owner: lee }, { what: "Send the draft", owner: dave }] }
            }
            ```

            ```
            action_owner_not_party.mentor:12:24: warning: action `Book the room` of session 1 is owned by `lee`, who is not a party to agreement `ana_dave` [M0550]
               |
            12 |   session 1 { actions: [{ what: "Book the room", owner: lee }, { what: "Send the draft", owner: dave }] }
               |                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
               = help: the parties are `ana`, `dave`
            ```

            **Fix**: name one of the parties as the owner, or keep the action as a plain string.
            """##),
        DiagnosticDoc(
            number: 551, title: ##"observer is mentee"##, page: "domain.md",
            markdown: ##"""
            A `held` entry recorded as an observation (`{ on: DATE, observer: PERSON, notes: "…" }`)
            whose observer is the agreement's own mentee. An observation is evidence from someone else
            who watched the session, so a self-assessment cannot stand in for it.

            ```mentor
            agreement ana_dave {
              mentor: ana
              mentee: dave
              start: 2026-01-12
              held: [{ on: 2026-02-12, observer: dave, notes: "self-assessed" }]
            }
            ```

            ```
            observer_is_mentee.mentor:9:9: error: the mentee `dave` is the observer of their own session on 2026-02-12 [M0551]
              |
            9 |   held: [{ on: 2026-02-12, observer: dave, notes: "self-assessed" }]
              |         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
              = help: an observer is someone else who watched the session, such as a credentialed mentor
            ```

            **Fix**: name the person who observed the session, or record the day as a plain date.
            """##),
        DiagnosticDoc(
            number: 552, title: ##"field without kind"##, page: "domain.md",
            markdown: ##"""
            A `field` declaration (docs/reference.md, "Programme fields") must say which declarations
            it adds the field to, with `for KIND`, and `KIND` must be a declaration kind that has fields:
            `program`, `competency`, `pathway`, `step`, `person`, `agreement`, `goal`, `agenda` or
            `session`.

            ```mentor
            field role for persn { type: string }
            field level { type: number }
            ```

            ```
            field_errors.mentor:4:16: error: `persn` is not a kind of declaration a field can be added to [M0552]
              |
            4 | field role for persn { type: string }
              |                ^^^^^ did you mean `person`?
              = help: the kinds are `program`, `competency`, `pathway`, `step`, `person`, `agreement`, `goal`, `agenda`, `session`

            field_errors.mentor:5:7: error: field `level` does not say which declarations it is for [M0552]
              |
            5 | field level { type: number }
              |       ^^^^^ needs `for KIND`
              = help: write `field level for person { type: string }`
            ```

            **Fix**: write `for` and the kind, as in `field level for person { type: number }`.
            """##),
        DiagnosticDoc(
            number: 553, title: ##"unknown field type"##, page: "domain.md",
            markdown: ##"""
            The `type` of a `field` declaration is a type word (`string`, `number`, `date`, `time`,
            `duration`, `bool`, `cadence`), a declaration kind whose entities the field names
            (`person`, `competency`, …), or `[TYPE]` for a list of them. Anything else is reported, with
            the closest type word when there is one.

            ```mentor
            field team for person { type: strng }
            ```

            ```
            field_errors.mentor:6:31: error: unknown type `strng` [M0553]
              |
            6 | field team for person { type: strng }
              |                               ^^^^^ did you mean `string`?
              = help: the types are `string`, `number`, `date`, `time`, `duration`, `bool`, `cadence`, `competency`, `pathway`, `step`, `person`, `agreement`, `goal`, `agenda`, `session`, and `[TYPE]` for a list
            ```

            **Fix**: write one of the types the help lists.
            """##),
        DiagnosticDoc(
            number: 554, title: ##"field name taken"##, page: "domain.md",
            markdown: ##"""
            A programme field cannot have the name of a built-in field or computed member of its kind
            (or `id`, `title`), since `p.email` could then mean either.

            ```mentor
            field email for person { type: string }
            ```

            ```
            field_errors.mentor:7:7: error: `email` is already a built-in field of a person [M0554]
              |
            7 | field email for person { type: string }
              |       ^^^^^ name taken
              = help: choose another name, such as `person_email`
            ```

            **Fix**: choose another name; the built-in field may already say what is needed.
            """##),
        DiagnosticDoc(
            number: 570, title: ##"waiver expired"##, page: "domain.md",
            markdown: ##"""
            A `waiver` whose `until` day is before `today`: it excuses nothing any more. The violation it
            excused is reported again, with a note naming the waiver, and the waiver gets this warning at
            its `until` day.

            ```mentor
            waiver second_mentee for ana {
              rule: capacity
              reason: "Until the spring cohort ends"
              until: 2026-06-30
            }
            ```

            ```
            expired.mentor:39:10: warning: waiver `second_mentee` of `capacity` for `ana` expired on 2026-06-30 [M0570]
              = help: the violation is reported again: fix it, or renew the waiver with a later `until`
            ```

            **Fix**: fix what the rule reports, or, if the exception still stands, agree it again and move
            `until` later; remove a waiver whose rule now holds.
            """##),
        DiagnosticDoc(
            number: 571, title: ##"waiver matches no violation"##, page: "domain.md",
            markdown: ##"""
            A `waiver` that excused nothing: its rule reports no violation at the entity it is `for` (or
            at the goals or sessions nested in it). Such a waiver is stale: the problem was fixed, or the
            waiver names the wrong entity (a person where the rule reports the agreement). Not given when
            the rule stopped with an error (M0522).

            ```mentor
            waiver nothing_to_waive for ana_ines {
              rule: no_supervisor
              reason: "Copied from ana_dave"
            }
            ```

            ```
            stale.mentor:40:8: warning: waiver `nothing_to_waive` matches no violation: `no_supervisor` for `ana_ines` holds [M0571]
              = help: remove the waiver, or check that it names the entity the rule reports
            ```

            **Fix**: remove the waiver, or name the entity at which `check` reports the violation.
            """##),
        DiagnosticDoc(
            number: 572, title: ##"waiver without a target"##, page: "domain.md",
            markdown: ##"""
            A `waiver` must say what it is `for`: the person, agreement, agenda, competency or pathway at
            which the rule reports the violation it excuses.

            ```mentor
            waiver w { rule: no_supervisor }
            ```

            ```
            no_target.mentor:26:8: error: waiver `w` does not say what it is for [M0572]
              = help: write `waiver w for NAME { rule: RULE, reason: "…" }`, naming the person, agreement or agenda the rule reports
            ```

            **Fix**: add `for NAME` after the waiver's name.
            """##),
        DiagnosticDoc(
            number: 580, title: ##"held session after today"##, page: "domain.md",
            markdown: ##"""
            An agreement's `held` lists the days sessions took place, so a day after `today` is a
            mistake: a typo in the date, a planned session recorded too early, or a run with the wrong
            `--today`. A warning, at `held`, naming the earliest such day.

            ```mentor
            agreement ana_dave {
              mentor: ana
              mentee: dave
              start: 2026-01-12
              cadence: monthly
              held: [2026-01-12, 2026-02-12, 2026-07-13]
            }
            ```

            ```
            held_in_future.mentor:9:9: warning: agreement `ana_dave` lists a session held on 2026-07-13, after today (2026-06-01) [M0580]
            ```

            **Fix**: correct the date, or record the session once it has taken place.
            """##),
        DiagnosticDoc(
            number: 581, title: ##"agenda longer than the schedule"##, page: "domain.md",
            markdown: ##"""
            An agenda plans more sessions than its agreement's schedule holds (the sessions before `end`,
            or up to `closed.on` for a closed agreement), so its last sessions never take place. A warning
            at the agenda.

            ```mentor
            agreement ana_dave { mentor: ana, mentee: dave, start: 2026-01-12, term: 3 months, cadence: monthly }
            agenda plan for ana_dave {
              session 1 "Getting started"
              session 2 "Goals"
              session 3 "Progress"
              session 4 "Closing"
            }
            ```

            ```
            agenda_longer_than_schedule.mentor:6:8: warning: agenda `plan` plans 4 sessions, but the schedule of `ana_dave` holds 3 [M0581]
            ```

            **Fix**: drop or merge the extra sessions, or lengthen the agreement's `term` or quicken its
            `cadence`.
            """##),
        DiagnosticDoc(
            number: 582, title: ##"own supervisor"##, page: "domain.md",
            markdown: ##"""
            A person whose `supervisor` is themself. A warning at the `supervisor` field.

            ```mentor
            person solo "Sam Solo" { supervisor: solo }
            ```

            ```
            supervisors.mentor:4:38: warning: `solo` is their own supervisor [M0582]
            ```

            **Fix**: name the person's line manager, or leave `supervisor` out.
            """##),
        DiagnosticDoc(
            number: 583, title: ##"supervisor cycle"##, page: "domain.md",
            markdown: ##"""
            Following `supervisor` from a person comes back to them through others. Reported once a
            cycle, at the `supervisor` of the person declared first in it.

            ```mentor
            person a "A" { supervisor: b }
            person b "B" { supervisor: c }
            person c "C" { supervisor: a }
            ```

            ```
            supervisors.mentor:5:28: warning: supervisors form a cycle: `a` → `b` → `c` → `a` [M0583]
            ```

            **Fix**: correct the `supervisor` that closes the cycle.
            """##),
        DiagnosticDoc(
            number: 584, title: ##"co-mentor supervises the mentee"##, page: "domain.md",
            markdown: ##"""
            An agreement's `co_mentor` is the mentee's `supervisor`: as with a supervising mentor
            (`std.no_supervisor`), the mentee cannot speak freely. A warning at `co_mentor`.

            ```mentor
            person lee "Lee Park"
            person dave "Dave Okafor" { supervisor: lee }
            agreement ana_dave { mentor: ana, mentee: dave, co_mentor: lee, start: 2026-01-12 }
            ```

            ```
            supervisors.mentor:11:60: warning: co-mentor `lee` of `ana_dave` is also the supervisor of its mentee `dave` [M0584]
            ```

            **Fix**: choose a co-mentor outside the mentee's line management.
            """##),
        DiagnosticDoc(
            number: 590, title: ##"extension beyond the allowance"##, page: "domain.md",
            markdown: ##"""
            An agreement's `extended.by` (the extension taken) is longer than its `extension` (the most it
            allows). `end` still moves by the whole extension taken, so the schedule shows what was
            recorded; the error is at `by`, with the allowance labelled.

            ```mentor
            agreement ana_dave {
              mentor: ana
              mentee: dave
              start: 2026-01-12
              extension: 3 months
              extended: { by: 4 months, on: 2026-12-01 }
            }
            ```

            ```
            extension_beyond_allowed.mentor:11:15: error: `ana_dave` was extended by 4 months, more than the 3 months its `extension` allows [M0590]
            ```

            **Fix**: extend by at most the allowance, or agree a longer `extension`.
            """##),
        DiagnosticDoc(
            number: 591, title: ##"extension not allowed"##, page: "domain.md",
            markdown: ##"""
            An agreement records an extension taken (`extended`) but gives no `extension`, so it allows
            none.

            ```mentor
            agreement none_allowed {
              mentor: ana
              mentee: dave
              start: 2026-01-12
              extended: { by: 1 month, on: 2026-12-01 }
            }
            ```

            ```
            extension_not_allowed.mentor:10:15: error: `none_allowed` was extended by 1 month, but it allows no extension [M0591]
            ```

            **Fix**: state the longest extension the agreement allows, such as `extension: 3 months`.
            """##),
        DiagnosticDoc(
            number: 592, title: ##"extension in other units"##, page: "domain.md",
            markdown: ##"""
            `extended.by` and `extension` are a day-based and a month-based duration, which do not
            compare (a month has no fixed number of days), so whether the extension fits cannot be said.

            ```mentor
            agreement weeks {
              mentor: ana
              mentee: dave
              start: 2026-01-12
              extension: 3 months
              extended: { by: 6 weeks, on: 2026-12-01 }
            }
            ```

            ```
            extension_beyond_allowed.mentor:18:15: error: `weeks` was extended by 6 weeks, which does not compare with the 3 months allowed: day-based and month-based durations differ [M0592]
            ```

            **Fix**: give both in months or years, or both in days or weeks.
            """##),
        DiagnosticDoc(
            number: 593, title: ##"extension of no length"##, page: "domain.md",
            markdown: ##"""
            `extended.by` is zero or negative: it extends nothing, and `end` does not move.

            ```mentor
            agreement zero {
              mentor: ana
              mentee: dave
              start: 2026-01-12
              extension: 3 months
              extended: { by: 0 months, on: 2026-12-01 }
            }
            ```

            ```
            extension_not_allowed.mentor:17:15: error: `extended.by` of `zero` is 0 months, which extends nothing [M0593]
            ```

            **Fix**: give the length the agreement was extended by, or remove `extended`.
            """##),
        DiagnosticDoc(
            number: 594, title: ##"extended after the end"##, page: "domain.md",
            markdown: ##"""
            A warning: `extended.on`, the day the extension was agreed, is after the agreement's planned
            end (`start + term`). An extension is agreed while the agreement runs; a later one is more
            likely a wrong date or a new agreement.

            ```mentor
            agreement late {
              mentor: ana
              mentee: dave
              start: 2026-01-12
              extension: 3 months
              extended: { by: 1 month, on: 2027-01-20 }
            }
            ```

            ```
            extension_not_allowed.mentor:24:28: warning: `late` was extended on 2027-01-20, after it ended on 2027-01-12 [M0594]
            ```

            **Fix**: check the date; an agreement that has ended is continued by a new one.
            """##),
        DiagnosticDoc(
            number: 601, title: ##"fmt cannot read"##, page: "tool.md",
            markdown: ##"""
            A path given to `mentor fmt` does not exist, cannot be read, or is a directory that cannot be
            listed. The other paths are still formatted; the exit status is 2.

            ```
            $ mentor fmt agreements/no_such.mentor
            agreements/no_such.mentor: error: cannot read: No such file or directory [M0601]
            ```

            Fix: check the path and its permissions. Golden test: `Tests/Golden/fmt/missing_file`.
            """##),
        DiagnosticDoc(
            number: 602, title: ##"fmt cannot write"##, page: "tool.md",
            markdown: ##"""
            `mentor fmt -w` could not replace a file whose layout changes: the temporary file beside it
            could not be created (a read-only folder), written or synced (a full disk), or renamed over
            the original. The message names the failed step and the system's reason. The original file
            is untouched and no temporary file is left behind; the other files are still formatted; the
            exit status is 2.

            ```
            $ mentor fmt -w locked/programme.mentor
            locked/programme.mentor: error: cannot write: create locked/.programme.mentor.tmp-* failed: Permission denied; the file is unchanged [M0602]
            ```

            Fix: make the folder writable (the file is replaced by a new one, so the folder's permission
            is what matters), free disk space, or print the formatted text with `mentor fmt FILE` instead.
            The step can also be `keep the owner of` (a user may not give the new file to the old one's
            owner or group: the file is left, rather than silently becoming the user's). Tests:
            `Tests/MentorCLITests/FmtCommandTests.swift` (every temporary name taken, which fails even as
            root, and a full disk injected through `FmtRun.replace`).
            """##),
        DiagnosticDoc(
            number: 603, title: ##"file changed while formatting"##, page: "tool.md",
            markdown: ##"""
            Between `mentor fmt -w` reading a file and renaming the formatted text over it, the file
            changed: its size, modification time (to the nanosecond), inode or device are not what they
            were when it was read. An editor saved it, a program appended to it, or it was replaced.
            Renaming over it would lose that change, so the file is left exactly as the other writer
            left it and the formatted text is thrown away. Exit 2; the other files are still formatted.

            ```
            $ mentor fmt -w notes.mentor      # while another program appends to notes.mentor
            notes.mentor: error: the file changed while it was being formatted; it was not rewritten, run fmt again [M0603]
            ```

            For a symbolic link the message names the target: `its target real/notes.mentor changed …`.

            Fix: run `mentor fmt -w` again once the other writer is done. Test:
            `FmtCommandTests.changedWhileFormatting` (the file is appended to between the read and the
            rename, through `FmtRun.replace`); `AtomicFileWriterTests` for the writer itself. No golden
            case: a golden file cannot change while it is read.
            """##),
        DiagnosticDoc(
            number: 604, title: ##"file has other hard links"##, page: "tool.md",
            markdown: ##"""
            The file's link count is above one: the same file has other names. `fmt -w` replaces a file
            by renaming a new one over it, which would leave the other names with the old text (and
            writing it in place instead could leave it half-written on a crash). The file is not
            touched; exit 2.

            ```
            $ ln programme.mentor backup.mentor
            $ mentor fmt -w programme.mentor
            programme.mentor: error: the file has 2 hard links, which rewriting it would break; it was not rewritten [M0604]
            ```

            Fix: print the formatted text and write it yourself (`mentor fmt programme.mentor >
            formatted && cat formatted > programme.mentor` keeps the links), or replace the hard link
            with a symbolic link, which `fmt -w` writes through. Test: `FmtCommandTests.refusesHardLinks`
            (git cannot store a hard link, so there is no golden case).
            """##),
        DiagnosticDoc(
            number: 605, title: ##"cannot write standard output"##, page: "tool.md",
            markdown: ##"""
            Writing standard output failed for a reason other than a closed pipe: the disk is full
            (`> /dev/full`, `No space left on device`), standard output was closed (`>&-`, `Bad file
            descriptor`), or an I/O error. It is reported once, on standard error; the rest of the
            output is dropped and the exit status is 2, whatever the command would have returned. A
            closed pipe (`mentor check | head`) is not an error: the process ends quietly with status 0.

            ```
            $ mentor check Examples/... > /dev/full
            mentor: error: cannot write standard output: No space left on device [M0605]
            ```

            Fix: free disk space, or send the output somewhere it can go. Tests:
            `StandardOutputTests` (a real `/dev/full` and a descriptor closed at start) and
            `Scripts/e2e/file_safety.py` (the real binary with `> /dev/full` and `>&-`). Golden cases
            run in-process with buffers, which cannot fail, so there is none.
            """##),
        DiagnosticDoc(
            number: 615, title: ##"programme too large"##, page: "tool.md",
            markdown: ##"""
            The files of one programme — those named on the command line, found in its folders and
            imported — total more than 64 MiB (the standard library and lines typed into the REPL do not
            count). Every file of a programme is parsed and resolved before anything runs, and that needs
            memory in proportion to the source; the limit keeps `mentor` within its memory budget
            (see [robustness.md](../robustness.md#memory-budget)). The programme is refused before any
            file is parsed; for an `import`, the diagnostic points at the import and that file is not
            loaded. The exit status is 1. A single file is already limited to 64 MiB by the reader (an
            I/O error, exit 2), so this is what is hit when many files add up.

            ```
            $ mentor check archive/
            error: the programme's source files total 80.0 MiB, more than the limit of 64 MiB [M0615]
              = help: check fewer files at once (each folder of agreements on its own), move data that is not needed out of the programme, or raise the limit with `--max-source MiB`
            ```

            Fix: check the folders of a large archive one by one, or leave out what the programme does not
            need; a programme that really is that large (100,000 agreements are about 115 MiB) raises the
            limit with `--max-source 256`, and needs memory in proportion. Tests: `Tests/MentorCLITests/ProgrammeSizeLimitTests.swift` (two sparse 40 MiB files
            through the real command, the import case, and a refused REPL load counting for nothing) and
            `Scripts/e2e/memory_budget.py`.
            """##),
        DiagnosticDoc(
            number: 620, title: ##"unknown agreement"##, page: "tool.md",
            markdown: ##"""
            The AGREEMENT argument is not declared anywhere in the programme. Suggestions come from the
            programme's agreements; with none close enough, the help lists them.

            ```
            $ mentor export --format md anna_dave Tests/Fixtures/credential-program
            error: no agreement named `anna_dave` [M0620]
              = help: did you mean `ana_dave`?
            ```

            **Fix**: spell the agreement's name as declared, or add the file that declares it to the
            paths. If you meant a folder, note that the first argument is a path only when it exists
            or is not spelled like a name.
            """##),
        DiagnosticDoc(
            number: 621, title: ##"not an agreement"##, page: "tool.md",
            markdown: ##"""
            The name is declared, but as something else: a person, a competency, a rule, a top-level
            `let` or function, or a built-in such as `people`. The diagnostic points at the declaration.

            ```
            $ mentor export --format md dave Tests/Fixtures/credential-program
            Tests/Fixtures/credential-program/people.mentor:18:8: error: `dave` is a person, not an agreement [M0621]
               |
            18 | person dave "Dave Okafor" { supervisor: lee }
               |        ^^^^ declared here
               = help: the programme's agreements: `ana_dave`, `ana_ines`
            ```

            **Fix**: name one of the agreements the help lists (for a person, the agreement in which
            they are mentor or mentee).
            """##),
        DiagnosticDoc(
            number: 622, title: ##"agreement required"##, page: "tool.md",
            markdown: ##"""
            A calendar and a handout are about one agreement; only `json` can export the whole
            programme. This is a usage error (exit 2).

            ```
            $ mentor export --format ics Tests/Fixtures/credential-program
            error: `--format ics` exports one agreement; name it before the paths [M0622]
              = help: the programme's agreements: `ana_dave`, `ana_ines`
            ```

            **Fix**: put the agreement's name before the paths: `mentor export --format ics ana_dave Examples/credential-program`.
            """##),
        DiagnosticDoc(
            number: 623, title: ##"unknown time zone"##, page: "tool.md",
            markdown: ##"""
            `--tz` names a zone the tz database does not have. Zone names are case-sensitive paths
            such as `Europe/Berlin`; suggestions come from the database's zone names. Exit 2: the fix
            is in the command line.

            ```
            $ mentor export --format ics --tz Europe/Berln ana_dave Examples/credential-program
            error: unknown time zone `Europe/Berln` [M0623]
              = help: did you mean `Europe/Berlin`?
            ```

            **Fix**: use a zone name of the tz database (`ls /usr/share/zoneinfo`), or leave out `--tz`
            for floating local times.
            """##),
        DiagnosticDoc(
            number: 624, title: ##"time-zone database missing"##, page: "tool.md",
            markdown: ##"""
            `--tz` needs the tz database, and there is no folder where `--zoneinfo`, `TZDIR` or the
            default `/usr/share/zoneinfo` points. Exit 2.

            ```
            $ mentor export --format ics --tz Europe/Berlin --zoneinfo /no/such/dir ana_dave Examples/credential-program
            error: no time-zone database at `/no/such/dir`, so `--tz Europe/Berlin` cannot be used [M0624]
              = help: install the tz database (the `tzdata` package), point `--zoneinfo` or `TZDIR` at it, or leave out `--tz` for floating times
            ```

            **Fix**: install the tz database (`apt-get install tzdata`, or the system's equivalent), or
            point `--zoneinfo DIR` or `TZDIR` at a copy of it.
            """##),
        DiagnosticDoc(
            number: 625, title: ##"invalid zone file"##, page: "tool.md",
            markdown: ##"""
            The zone's file starts like a TZif file but cannot be read as one (truncated, inconsistent
            counts, a footer that is not a POSIX TZ rule). Exit 2.

            ```
            $ mentor export --format ics --tz Broken/Truncated --zoneinfo Tests/Fixtures/zoneinfo ana_dave Examples/credential-program
            error: the zone file `Tests/Fixtures/zoneinfo/Broken/Truncated` cannot be read: it is truncated [M0625]
              = help: reinstall the tz database, or choose another zone
            ```

            **Fix**: reinstall the tz database, or choose another zone.
            """##),
        DiagnosticDoc(
            number: 626, title: ##"session length not exportable"##, page: "tool.md",
            markdown: ##"""
            A calendar event's `DURATION` must be positive, and a session's length (its agenda
            session's `length`, else the agreement's or programme's `session_length`) is zero or
            negative. Reported once for the agreement, with a note listing the other sessions affected.

            ```mentor
            agreement ab { mentor: a, mentee: b, start: 2026-01-05, term: 1 month, cadence: weekly, session_length: 0 minutes }
            agenda plan for ab { at: 10:00 }
            ```

            ```
            session_length_zero.mentor:5:11: error: session 1 of `ab` lasts 0 minutes; a calendar event needs a positive length [M0626]
              |
            5 | agreement ab { mentor: a, mentee: b, start: 2026-01-05, term: 1 month, cadence: weekly, session_length: 0 minutes }
              |           ^^
              = note: so do sessions 2, 3, 4 and 5
              = help: give the agreement a positive `session_length`, or the agenda session a positive `length`
            ```

            **Fix**: give the sessions a positive length. (`md` and `json` export such lengths as they are.)
            """##),
        DiagnosticDoc(
            number: 627, title: ##"cannot write the output file"##, page: "tool.md",
            markdown: ##"""
            `-o FILE` could not be written: its folder does not exist, or is not writable, or the disk
            is full, or `FILE` has other hard links (`it has 2 hard links, which replacing it would
            break`). The text is written to a temporary file beside `FILE` (or beside a link's target)
            and renamed over it only when complete, so an existing `FILE` is unchanged and no temporary
            file is left. A `FILE` that is not a regular file (`/dev/null`, a FIFO, a device) is written
            in place instead; `-o /dev/full` gives `No space left on device`
            (`Tests/Golden/export/write_device_full`). Exit 2.

            ```
            $ mentor export --format md -o no-such-folder/handout.md ana_dave Examples/credential-program
            error: cannot write `no-such-folder/handout.md`: No such file or directory [M0627]
              = help: the file, if it existed, is unchanged
            ```

            **Fix**: create the folder, or choose a path you can write to.
            """##),
        DiagnosticDoc(
            number: 628, title: ##"nothing to put in a calendar"##, page: "tool.md",
            markdown: ##"""
            `--format ics` of an agreement that has no scheduled session and no review: neither it nor
            the `program` gives a `cadence`, and it has no `review`. RFC 5545 requires a calendar to
            hold at least one event, so an empty one would be refused by calendar programs. Exit 1.

            ```
            $ mentor export --format ics ab Tests/Golden/export/nothing_to_export.mentor
            Tests/Golden/export/nothing_to_export.mentor:5:11: error: `ab` has no scheduled sessions and no reviews to put in a calendar [M0628]
              |
            5 | agreement ab { mentor: a, mentee: b, start: 2026-01-05 }
              |           ^^
              = help: give the agreement (or the `program`) a `cadence`, or the agreement a `review`
            ```

            **Fix**: give the agreement (or the programme) a `cadence`, or the agreement a `review`.
            Golden test: `Tests/Golden/export/nothing_to_export`.
            """##),
        DiagnosticDoc(
            number: 640, title: ##"unknown status"##, page: "tool.md",
            markdown: ##"""
            A `--status` value of `mentor status` is not one of `pending`, `active`, `lapsed`, `closed`,
            `ended`. Nothing is shown; exit 2.

            ```
            $ mentor status --status lapse
            error: `--status lapse` is not a status [M0640]
              = help: a status is one of pending, active, lapsed, closed, ended
              = help: did you mean `lapsed`?
            ```

            **Fix**: use one of the five statuses; repeat `--status` or separate them with commas for
            several. Golden test: `Tests/Golden/status/unknown_status`.
            """##),
        DiagnosticDoc(
            number: 642, title: ##"not a duration"##, page: "tool.md",
            markdown: ##"""
            `--due-within` is not a whole number followed by `days`, `weeks`, `months` or `years`
            (singular or plural, with or without a space). Exit 2.

            ```
            $ mentor status --due-within soon
            error: `--due-within soon` is not a duration [M0642]
              = help: write a whole number and a unit of days, weeks, months or years, such as '30 days'
            ```

            **Fix**: write a duration such as `'30 days'` (quoted in the shell) or `30days`. Golden test:
            `Tests/Golden/status/invalid_due_within`.
            """##),
        DiagnosticDoc(
            number: 643, title: ##"not a date"##, page: "tool.md",
            markdown: ##"""
            `--until` of `status` or `check` is not a real calendar date written `YYYY-MM-DD`. Exit 2.

            ```
            $ mentor status --until 2026-02-30
            error: `--until 2026-02-30` is not a calendar date [M0643]
              = help: write the day as YYYY-MM-DD, such as 2026-12-31
            ```

            **Fix**: write an existing day as `YYYY-MM-DD`. Golden test: `Tests/Golden/status/invalid_until`.
            """##),
        DiagnosticDoc(
            number: 644, title: ##"until before today"##, page: "tool.md",
            markdown: ##"""
            `--until` is before `today` (the system's date or `--today`): the forecast only looks ahead.
            Exit 2.

            ```
            $ mentor check --today 2026-03-20 --until 2026-03-19
            error: `--until 2026-03-19` is before today, 2026-03-20 [M0644]
              = help: the forecast looks ahead: give a day on or after 2026-03-20
            ```

            **Fix**: give a day on or after today. Golden test: `Tests/Golden/status/until_before_today`.
            """##),
        DiagnosticDoc(
            number: 645, title: ##"forecast"##, page: "tool.md",
            markdown: ##"""
            Not a problem yet: with `check --until DATE`, for each agreement that will break by DATE if
            nothing is done (no session held, no signature added), a note at the agreement names the first
            thing that breaks and the day — it lapses, a review falls due, it ends before a goal is due, it
            starts unsigned (where `signed_before_start` is in force), or its start puts the mentor over
            `max_mentees`. The kind is in brackets.
            Notes do not change the exit status.

            ```
            $ mentor check programme.mentor --today 2026-02-10 --until 2026-06-30
            programme.mentor:23:11: note: forecast: `kim_lou`: lapses on 2026-03-03 unless a session is held before [lapses] [M0645]
               |
            23 | agreement kim_lou {
               |           ^^^^^^^
               = help: nothing is wrong yet; this is what happens by 2026-06-30 if nothing is done
            ```

            **Fix**: act before the day: hold a session, schedule the review, sign, move a goal's `due`
            or the agreement's `term`, or start the agreement with another mentor. See
            [status.md](../status.md#the-forecast). Golden test: `Tests/Golden/status/forecast_check`.
            """##),
        DiagnosticDoc(
            number: 646, title: ##"pattern with plain paths"##, page: "tool.md",
            markdown: ##"""
            `check` or `test` got a `DIR/...` pattern and a plain path. A plain path could be meant as a
            programme of its own or as files every programme shares (people, say); neither can be
            guessed, so nothing is checked.

            ```
            $ mentor check Examples/... extra.mentor
            error: `Examples/...` checks each programme in its folder on its own, and cannot be combined with the plain path `extra.mentor` [M0646]
              = help: run `mentor check extra.mentor` as a command of its own, or move it into a folder of its own under the pattern's folder
            ```

            **Fix**: check the plain path in a command of its own, or move it under the pattern's folder
            so that it is one of its programmes. A file every programme shares is imported by each
            (`import "../shared/people.mentor"`). Golden test: `Tests/Golden/programmes/pattern_with_plain_path`.
            """##),
        DiagnosticDoc(
            number: 647, title: ##"one programme only"##, page: "tool.md",
            markdown: ##"""
            `run`, `repl`, `status`, `export`, `doc` and `match` read one programme (one run, one REPL
            session, one status table, one calendar, one site, one set of proposals), and a `DIR/...`
            pattern names several. The help lists them. The REPL's `:load` refuses a pattern the same way
            (`` `:load` reads one programme ``), loading nothing.

            ```
            $ mentor status Examples/...
            error: `status` reads one programme, and `Examples/...` names every programme in its folder [M0647]
              = help: name one programme instead of the pattern: `Examples/credential-program`, `Examples/hello.mentor`, `Examples/professional-body`
            ```

            **Fix**: name the programme's folder (`mentor status Examples/credential-program`), or run the
            command once per programme. Golden tests: `Tests/Golden/programmes/pattern_for_one_programme`, `pattern_for_run`, `pattern_for_repl`; `:load`: `LoadCommandTests`.
            """##),
        DiagnosticDoc(
            number: 660, title: ##"unknown person"##, page: "tool.md",
            markdown: ##"""
            `export --person NAME`, `match --mentee NAME` or `status --person NAME` names something that
            is not a declared person. Suggestions come from the programme's people; with none close enough, the help lists
            them.

            ```
            $ mentor match --mentee iness Tests/Fixtures/credential-program
            error: no person named `iness` [M0660]
              = help: did you mean `ines`?
            ```

            **Fix**: spell the person's name as declared (the name after `person`, not the title), or
            add the file that declares them to the paths. Golden tests: `Tests/Golden/coordinator/unknown_person`,
            `Tests/Golden/coordinator/match_unknown_mentee`, `Tests/Golden/status/unknown_person`.
            """##),
        DiagnosticDoc(
            number: 661, title: ##"nothing to put in a programme or person calendar"##, page: "tool.md",
            markdown: ##"""
            RFC 5545 requires a calendar to hold at least one event. `--programme` of a programme with no
            agreement has none; `--person NAME` of a person who is the mentor, mentee or co-mentor of no
            agreement with a scheduled session has none either (the diagnostic points at the person).

            ```
            $ mentor export --format ics --person lee Tests/Fixtures/credential-program
            Tests/Fixtures/credential-program/people.mentor:17:8: error: `lee` has no scheduled session in any agreement to put in a calendar [M0661]
               |
            17 | person lee "Lee Park"
               |        ^^^
               = help: Lee Park is the mentor, mentee or co-mentor of no agreement
            ```

            **Fix**: export someone who has sessions, or give their agreements (or the `program`) a
            `cadence`. Golden tests: `Tests/Golden/coordinator/person_without_sessions`,
            `Tests/Golden/coordinator/programme_without_agreements`.
            """##),
        DiagnosticDoc(
            number: 662, title: ##"cannot write the output folder"##, page: "tool.md",
            markdown: ##"""
            `doc -o DIR` or `match --write DIR` could not make the folder or replace a file in it (no
            permission, a path through a file, a full disk). Each file is replaced atomically, so a file
            that was there is either the old one or the new one, never part of either. Exit 2.

            ```
            $ mentor doc -o /dev/null/docs Tests/Fixtures/credential-program
            error: cannot write the documentation to `/dev/null/docs`: cannot create directory /dev/null/docs: Not a directory [M0662]
              = help: choose a folder you can write; files already there are replaced whole or left as they were
            ```

            **Fix**: choose a folder you can write to. Golden tests: `Tests/Golden/coordinator/doc_write_failed`,
            `Tests/Golden/coordinator/match_write_failed`.
            """##),
    ]
}
