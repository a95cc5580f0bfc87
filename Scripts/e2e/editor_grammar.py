#!/usr/bin/env python3
"""The TextMate grammar (`Grammar/mentor.tmLanguage.json`) against the real lexer.

Every golden and example `.mentor` file is tokenised twice: by the grammar, through
textmate-grammar-python (the same Oniguruma regexes VS Code runs), and by the lexer, through
`mentor-bench tokens`. Each lexer token of a kind the grammar promises to scope (reserved
words, dates, times, durations, numbers, strings, comments, interpolation) must lie wholly
under the matching scope; a name, operator or punctuation must not be taken for a comment,
string or keyword (so a nested comment or a string the grammar failed to close shows up on
the next token); the code inside `\\( … )` must be scoped as code. Files the lexer rejects
(any error token: the hostile and lexical goldens) have no real token stream to agree with,
so they are left out, and their count printed. Prints one line per test and "N passed, N
failed"; exits 1 on a failure.
"""

import json
import logging
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
from e2e_runner import run_tests  # noqa: E402
from lexer_corpus import CODE_KINDS, ROOT, bench_lines, rejected_by_lexer, source_files  # noqa: E402

from textmate_grammar.parsers.base import LanguageParser  # noqa: E402

GRAMMAR = os.path.join(ROOT, "Grammar", "mentor.tmLanguage.json")

# The library logs every regex it could not match as a warning; the test's verdict is its own.
logging.disable(logging.WARNING)

# For each lexer token kind the grammar must scope: the scope prefixes of which one must cover
# every character of the token.
REQUIRED = {
    "date": ("constant.numeric.date.",),
    "time": ("constant.numeric.time.",),
    "duration": ("constant.numeric.duration.",),
    "percent": ("constant.numeric.percentage.",),
    "decimal": ("constant.numeric.decimal.",),
    "integer": ("constant.numeric.integer.",),
    "stringStart": ("string.",),
    "stringText": ("string.",),
    "stringEnd": ("string.",),
    "interpolationStart": ("punctuation.section.embedded.begin.",),
    "interpolationEnd": ("punctuation.section.embedded.end.",),
    "lineComment": ("comment.line.double-slash.",),
    "docComment": ("comment.line.documentation.",),
    "blockComment": ("comment.block.",),
}
KEYWORD_SCOPES = ("keyword.", "storage.", "constant.language.")


def normalised(raw):
    """The bytes as `SourceFile` reads them: BOM dropped, CRLF as LF."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    return raw.replace(b"\r\n", b"\n")


def lexer_tokens(paths):
    """The lexer's tokens of each file, as dictionaries, in file order."""
    return bench_lines("tokens", paths)


# The scope each part of a declaration the parser found must have. Declaration words are
# names to the lexer, so only the parser can say where the grammar must scope them.
DECLARATION_SCOPES = {
    "kind": "storage.type.declaration.mentor",
    "name": "entity.name.type.declaration.mentor",
    "number": "constant.numeric.integer.mentor",
    "field": "support.type.property-name.mentor",
}


class Scoped:
    """A file's text with the grammar's scopes for every character."""

    def __init__(self, parser, data):
        # A lone carriage return is a blank to the lexer but a line break to the library; as a
        # space it is a blank to both and keeps every offset.
        self.text = data.decode("utf-8").replace("\r", " ")
        self.char_of_byte = []
        for index, character in enumerate(self.text):
            self.char_of_byte += [index] * len(character.encode("utf-8"))
        self.char_of_byte.append(len(self.text))
        line_starts = [0]
        for index, character in enumerate(self.text):
            if character == "\n":
                line_starts.append(index + 1)
        self.scopes = [()] * len(self.text)
        element = parser.parse_string(self.text)
        for (line, column), content, scopes in element.flatten():
            start = line_starts[line] + column
            for offset in range(len(content)):
                if start + offset < len(self.scopes):
                    self.scopes[start + offset] = tuple(scopes)

    def chars(self, token):
        return range(self.char_of_byte[token["start"]], self.char_of_byte[token["end"]])

    def describe(self, token):
        span = self.chars(token)
        line = self.text.count("\n", 0, span.start) + 1
        snippet = self.text[span.start:span.stop]
        scopes = self.scopes[span.start] if span.start < len(self.scopes) else ()
        return f"line {line}: {token['kind']} {snippet!r} has scopes {list(scopes)}"


def has(scopes, prefixes):
    return any(scope.startswith(prefixes) for scope in scopes)


def disagreements(scoped, tokens):
    """What the grammar gets wrong about the lexer's tokens, one line each."""
    problems = []
    interpolation_depth = 0
    for token in tokens:
        kind = token["kind"]
        if kind == "interpolationEnd":
            interpolation_depth -= 1
        chars = [scoped.scopes[index] for index in scoped.chars(token) if not scoped.text[index].isspace()]
        if kind in REQUIRED:
            if not all(has(scopes, REQUIRED[kind]) for scopes in chars):
                problems.append(scoped.describe(token))
        elif kind.startswith("kw"):
            if not all(has(scopes, KEYWORD_SCOPES) for scopes in chars):
                problems.append(scoped.describe(token))
        elif kind in CODE_KINDS:
            if any(has(scopes, ("comment.",)) for scopes in chars):
                problems.append(scoped.describe(token) + " (a comment too far)")
            elif interpolation_depth == 0 and any(has(scopes, ("string.",)) for scopes in chars):
                problems.append(scoped.describe(token) + " (a string too far)")
            elif kind == "identifier" and any(has(scopes, ("keyword.", "constant.language.")) for scopes in chars):
                problems.append(scoped.describe(token) + " (a name taken for a keyword)")
        if interpolation_depth > 0 and kind not in ("stringStart", "stringText", "stringEnd", "newline", "endOfFile"):
            # Code inside `\( … )`: under the string's scope, the embedded code scope comes after it.
            for scopes in chars:
                strings = [index for index, scope in enumerate(scopes) if scope.startswith("string.")]
                code = [index for index, scope in enumerate(scopes) if scope == "source.mentor"]
                if not strings or not code or code[-1] < strings[0]:
                    problems.append(scoped.describe(token) + " (interpolation not scoped as code)")
                    break
        if kind == "interpolationStart":
            interpolation_depth += 1
    return problems


def declaration_disagreements(scoped, parts):
    """Where the grammar's declaration scopes differ from the parser's declarations: each part
    under its scope, and no declaration word or declared name scoped where the parser found none."""
    problems = []
    claimed = {"kind": set(), "name": set()}
    for part in parts:
        chars = scoped.chars(part)
        if part["role"] in claimed:
            claimed[part["role"]].update(chars)
        if not all(DECLARATION_SCOPES[part["role"]] in scoped.scopes[index] for index in chars):
            problems.append(f"{part['role']} " + scoped.describe({"kind": part["role"], **part}))
    for role in ("kind", "name"):
        for index, scopes in enumerate(scoped.scopes):
            if DECLARATION_SCOPES[role] in scopes and index not in claimed[role]:
                line = scoped.text.count("\n", 0, index) + 1
                problems.append(f"line {line}: {scoped.text[index:index + 20]!r} scoped as a declaration {role}")
                break
    return problems


PARSER = LanguageParser(json.load(open(GRAMMAR, encoding="utf-8")))


def test_every_golden_and_example_file_agrees_with_the_lexer_and_parser():
    paths = source_files()
    datas = [normalised(open(path, "rb").read()) for path in paths]
    all_tokens = lexer_tokens(paths)
    all_declarations = bench_lines("declarations", paths)
    checked = excluded = unparsed = 0
    kinds_seen = set()
    problems = []
    for path, data, tokens, parts in zip(paths, datas, all_tokens, all_declarations):
        if rejected_by_lexer(tokens):
            excluded += 1  # rejected by the lexer: no true token stream to compare with
            continue
        checked += 1
        kinds_seen.update(token["kind"] for token in tokens)
        scoped = Scoped(PARSER, data)
        problems += [f"{os.path.relpath(path, ROOT)}: {problem}" for problem in disagreements(scoped, tokens)]
        if any(part["role"] == "unparsed" for part in parts):
            unparsed += 1  # the parser's recovery makes its declarations no measure
            continue
        kinds_seen.update("declaration " + part["role"] for part in parts)
        problems += [f"{os.path.relpath(path, ROOT)}: {problem}" for problem in declaration_disagreements(scoped, parts)]
    print(f"   {checked} files compared, {excluded} rejected by the lexer left out;"
          f" declarations compared in {checked - unparsed}")
    assert checked >= 150, f"only {checked} files compared"
    # The corpus must exercise what the grammar is checked on, or the comparison proves little.
    missing = {"date", "time", "duration", "percent", "decimal", "integer", "interpolationStart",
               "docComment", "blockComment", "lineComment", "kwRequire", "kwImport",
               *("declaration " + role for role in DECLARATION_SCOPES)} - kinds_seen
    assert not missing, f"no file has {sorted(missing)}"
    assert not problems, f"{len(problems)} disagreements:\n" + "\n".join(problems[:40])


def scopes_at(text, needle, occurrence=1):
    """The scopes of the first character of the `occurrence`-th `needle` in `text`."""
    scoped = Scoped(PARSER, text.encode("utf-8"))
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    return scoped.scopes[index]


SAMPLE = '''/// Documented.
program "P" { term: 12 months }
person ana "Ana"
rule capacity warning "At most three" {
  for m in people where m.mentees.count > 3 { fail "\\(m.name) has \\(m.mentees.count)" }
}
agenda plan for ana_dave {
  at: 09:30
  session 2 "Goals" { topics: ["a\\tb", "bad \\q escape"] }
}
/* outer /* inner */ still outer */ let after = 1.5 + 15% + 2026-01-12
fn twice(x) = x * 2 // trailing
let text = """
  many \\(twice(1)) lines
  """
'''


def test_the_samples_agree_with_the_lexer_and_parser():
    # The goldens have no nested block comment, nor some other shapes; these do. The last one
    # has declaration words used as names, which must not be scoped as declarations.
    snippets = [SAMPLE.replace("bad \\q escape", "no error"), "/* a /* b /* c */ */ d */ let x = 1\n/*/ x */ let y = 2\n",
                "let s = \"a \\(\"b \\(1 + (2))\") c\" // \"not a string\"\n",
                "let t = \"\"\"\n  \\(\"x\") and \\\"quoted\\\" \\u{1F600}\n  \"\"\"\nlet after = 3 weeks\n",
                "for person in people where person.mentees.count > 0 {\n  print(person.name)\n}\n"
                "/* c */ person bob \"Bob\"\nlet agreement = [1, 2]\n"]
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for index, snippet in enumerate(snippets):
            paths.append(os.path.join(folder, f"sample{index}.mentor"))
            with open(paths[-1], "w", encoding="utf-8") as file:
                file.write(snippet)
        for snippet, tokens, parts in zip(snippets, lexer_tokens(paths), bench_lines("declarations", paths)):
            assert not any(token["kind"] == "error" for token in tokens), snippet
            assert not any(part["role"] == "unparsed" for part in parts), snippet
            scoped = Scoped(PARSER, snippet.encode("utf-8"))
            problems = disagreements(scoped, tokens) + declaration_disagreements(scoped, parts)
            assert not problems, "\n".join(problems)


def test_declarations_and_their_names():
    assert "storage.type.declaration.mentor" in scopes_at(SAMPLE, "program")
    assert "storage.type.declaration.mentor" in scopes_at(SAMPLE, "person")
    assert "entity.name.type.declaration.mentor" in scopes_at(SAMPLE, "ana")
    assert "entity.name.type.declaration.mentor" in scopes_at(SAMPLE, "capacity")
    assert "storage.modifier.warning.mentor" in scopes_at(SAMPLE, "warning")
    assert "entity.name.type.declaration.mentor" in scopes_at(SAMPLE, "plan")
    assert "storage.type.declaration.mentor" in scopes_at(SAMPLE, "session")
    assert "constant.numeric.integer.mentor" in scopes_at(SAMPLE, "2 \"Goals\"")
    assert "entity.name.function.mentor" in scopes_at(SAMPLE, "twice")
    assert "variable.other.constant.declaration.mentor" in scopes_at(SAMPLE, "after")
    # `people`, `ana_dave` after `for` are references, not declarations.
    assert not has(scopes_at(SAMPLE, "ana_dave"), ("entity.name.",))


def test_field_names():
    for field in ("term", "at", "topics"):
        assert "support.type.property-name.mentor" in scopes_at(SAMPLE, field + ":"), field


def test_comments_nest_and_end_where_the_lexer_ends_them():
    assert "comment.line.documentation.mentor" in scopes_at(SAMPLE, "/// Documented")
    assert scopes_at(SAMPLE, "still outer").count("comment.block.mentor") == 1
    assert scopes_at(SAMPLE, "inner").count("comment.block.mentor") == 2
    assert not has(scopes_at(SAMPLE, "let after"), ("comment.",))
    assert "comment.line.double-slash.mentor" in scopes_at(SAMPLE, "// trailing")
    # Four slashes are decoration, not documentation, as in the lexer.
    assert "comment.line.double-slash.mentor" in scopes_at("//// rule\nlet x = 1\n", "////")


def test_literals():
    assert "constant.numeric.duration.mentor" in scopes_at(SAMPLE, "12 months")
    assert "constant.numeric.time.mentor" in scopes_at(SAMPLE, "09:30")
    assert "constant.numeric.decimal.mentor" in scopes_at(SAMPLE, "1.5")
    assert "constant.numeric.percentage.mentor" in scopes_at(SAMPLE, "15%")
    assert "constant.numeric.date.mentor" in scopes_at(SAMPLE, "2026-01-12")
    assert "invalid.illegal.fractional-duration.mentor" in scopes_at("let d = 1.5 hours\n", "1.5")
    assert "invalid.illegal.numeric.mentor" in scopes_at("let d = 4weeks\n", "4weeks")


def test_escapes_and_interpolation():
    assert "constant.character.escape.mentor" in scopes_at(SAMPLE, "\\tb")
    assert "invalid.illegal.escape.mentor" in scopes_at(SAMPLE, "\\q")
    inside = scopes_at(SAMPLE, "m.name")
    assert "string.quoted.double.mentor" in inside and inside[-1] == "source.mentor", inside
    assert "punctuation.section.embedded.begin.mentor" in scopes_at(SAMPLE, "\\(m.name")
    multiline = scopes_at(SAMPLE, "twice(1)")
    assert "string.quoted.triple.mentor" in multiline and "entity.name.function.mentor" not in multiline, multiline
    assert "source.mentor" in multiline[1:], multiline
    # A one-line string the line ends ends there, as in the lexer.
    assert not has(scopes_at('let s = "open\nlet t = 1\n', "let t"), ("string.",))


sys.exit(run_tests(__file__, globals()))
