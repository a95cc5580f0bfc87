"""The position features of `mentor lsp`, through pytest-lsp on the credential example:
hover, definition, references, rename, completion, symbols, folding and semantic tokens."""

import asyncio
import pathlib

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from conftest import server_command
from raw_client import RawClient

AGREEMENT = "agreements/ana_ines.mentor"


@pytest_lsp.fixture(config=ClientServerConfig(server_command=server_command()))
async def client(lsp_client: LanguageClient):
    lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)(lambda params: None)
    yield
    await lsp_client.shutdown_session()


async def opened(client: LanguageClient, workspace: pathlib.Path, relative: str = AGREEMENT):
    result = await client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"),
        workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="credential-program")]))
    path = workspace / relative
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=path.as_uri(), language_id="mentor", version=1, text=path.read_text())))
    return result, path.as_uri(), path.read_text().splitlines()


def at(lines, line: int, word: str, offset: int = 0) -> types.Position:
    return types.Position(line=line, character=lines[line].index(word) + offset)


def document(uri: str) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=uri)


async def test_capabilities_advertise_each_wired_feature(client: LanguageClient, workspace):
    result, _, _ = await opened(client, workspace)
    capabilities = result.capabilities
    assert capabilities.hover_provider and capabilities.definition_provider and capabilities.references_provider
    assert capabilities.rename_provider.prepare_provider
    assert capabilities.document_symbol_provider and capabilities.workspace_symbol_provider
    assert capabilities.folding_range_provider and capabilities.completion_provider
    assert "property" in capabilities.semantic_tokens_provider.legend.token_types


async def test_hover_on_a_person_shows_its_kind_and_title(client: LanguageClient, workspace):
    _, uri, lines = await opened(client, workspace)
    hover = await client.text_document_hover_async(types.HoverParams(text_document=document(uri), position=at(lines, 2, "ana", 1)))
    assert "person" in hover.contents.value and "Ana Ruiz" in hover.contents.value
    assert hover.range.start == at(lines, 2, "ana")


async def test_definition_of_a_person_is_in_another_file(client: LanguageClient, workspace):
    _, uri, lines = await opened(client, workspace)
    location = await client.text_document_definition_async(types.DefinitionParams(
        text_document=document(uri), position=at(lines, 3, "ines")))
    people = (workspace / "people.mentor").read_text().splitlines()
    line = next(i for i, text in enumerate(people) if text.startswith("person ines"))
    assert location.uri == (workspace / "people.mentor").as_uri()
    assert location.range.start == types.Position(line=line, character=len("person "))


async def test_references_and_rename_cover_every_file(client: LanguageClient, workspace):
    _, uri, lines = await opened(client, workspace)
    references = await client.text_document_references_async(types.ReferenceParams(
        text_document=document(uri), position=at(lines, 3, "ines"), context=types.ReferenceContext(include_declaration=True)))
    assert {r.uri for r in references} == {uri, (workspace / "people.mentor").as_uri()}
    prepared = await client.text_document_prepare_rename_async(types.PrepareRenameParams(
        text_document=document(uri), position=at(lines, 3, "ines", 2)))
    assert prepared.placeholder == "ines"
    edit = await client.text_document_rename_async(types.RenameParams(
        text_document=document(uri), position=at(lines, 3, "ines"), new_name="ines_duarte"))
    assert set(edit.changes) == {uri, (workspace / "people.mentor").as_uri()}
    assert all(e.new_text == "ines_duarte" for edits in edit.changes.values() for e in edits)
    # A reserved word is refused with a reason.
    with pytest.raises(Exception) as refused:
        await client.text_document_rename_async(types.RenameParams(
            text_document=document(uri), position=at(lines, 3, "ines"), new_name="if"))
    assert "reserved" in str(refused.value)


async def test_completion_offers_people_after_mentor_and_fields_in_an_agreement(client: LanguageClient, workspace):
    _, uri, lines = await opened(client, workspace)
    people = await client.text_document_completion_async(types.CompletionParams(
        text_document=document(uri), position=at(lines, 2, "ana")))
    labels = {item.label for item in people.items}
    assert {"ana", "bo", "lee", "dave", "ines"} <= labels
    # With the name typed, only the names that start with it.
    typed = await client.text_document_completion_async(types.CompletionParams(
        text_document=document(uri), position=at(lines, 2, "ana", 3)))
    assert {item.label for item in typed.items} == {"ana"}
    # A new line in the agreement's body: its fields, less those already given.
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=8, character=0), end=types.Position(line=8, character=0)),
            text="  re\n")]))
    fields = await client.text_document_completion_async(types.CompletionParams(
        text_document=document(uri), position=types.Position(line=8, character=4)))
    labels = {item.label for item in fields.items}
    assert "review" in labels and "mentor" not in labels


async def test_completion_offers_members_after_a_dot(client: LanguageClient, workspace):
    _, uri, lines = await opened(client, workspace, "program.mentor")
    line = next(i for i, text in enumerate(lines) if "a.mentee.supervisor" in text)
    position = at(lines, line, "a.mentee", 2)
    result = await client.text_document_completion_async(types.CompletionParams(text_document=document(uri), position=position))
    labels = {item.label for item in result.items}
    assert {"mentee", "mentor", "start"} <= labels


async def test_document_and_workspace_symbols(client: LanguageClient, workspace):
    _, uri, _ = await opened(client, workspace)
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=document(uri)))
    assert [s.name for s in symbols] == ["ana_ines"]
    assert [c.name for c in symbols[0].children] == ["presenting"]
    found = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query="ana"))
    assert {"ana", "ana_dave", "ana_ines"} <= {s.name for s in found}


async def test_folding_ranges_and_semantic_tokens(client: LanguageClient, workspace):
    result, uri, lines = await opened(client, workspace)
    folds = await client.text_document_folding_range_async(types.FoldingRangeParams(text_document=document(uri)))
    agreement = next(i for i, text in enumerate(lines) if text.startswith("agreement"))
    # The agreement's body folds up to the line before its closing brace.
    assert any(f.start_line == agreement and f.end_line == len(lines) - 2 for f in folds)
    tokens = await client.text_document_semantic_tokens_full_async(types.SemanticTokensParams(text_document=document(uri)))
    assert tokens.data and len(tokens.data) % 5 == 0
    legend = result.capabilities.semantic_tokens_provider.legend.token_types
    line = character = 0
    decoded = []
    for i in range(0, len(tokens.data), 5):
        delta_line, delta_start, length, kind, _ = tokens.data[i:i + 5]
        line += delta_line
        character = character + delta_start if delta_line == 0 else delta_start
        decoded.append((line, character, length, legend[kind]))
    assert (agreement, 0, len("agreement"), "keyword") in decoded
    mentor_line = next(i for i, text in enumerate(lines) if text.strip().startswith("mentor:"))
    assert (mentor_line, 2, len("mentor"), "property") in decoded


async def test_queries_outside_the_workspace_answer_nothing(client: LanguageClient, workspace, tmp_path):
    await opened(client, workspace)
    outside = (tmp_path / "elsewhere.mentor").as_uri()
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=document(outside), position=types.Position(line=0, character=0)))
    assert hover is None
    references = await client.text_document_references_async(types.ReferenceParams(
        text_document=document(outside), position=types.Position(line=0, character=0),
        context=types.ReferenceContext(include_declaration=True)))
    assert list(references) == []


async def test_code_actions_apply_a_did_you_mean_and_show_the_rule(client: LanguageClient, workspace):
    _, uri, lines = await opened(client, workspace)
    # A typo in the mentee's name: the unknown-name error suggests `ines`.
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=at(lines, 3, "ines"), end=at(lines, 3, "ines", 4)), text="inez")]))
    typo = at(lines, 3, "ines")
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=document(uri), range=types.Range(start=typo, end=typo),
        context=types.CodeActionContext(diagnostics=[])))
    fixes = [a for a in actions if a.kind == types.CodeActionKind.QuickFix]
    assert fixes and fixes[0].title == "Change to `ines`" and fixes[0].is_preferred
    (edit,) = fixes[0].edit.changes[uri]
    assert edit.new_text == "ines" and edit.range.start == typo



def test_show_the_rule_of_a_violation(workspace):
    """Through a raw client: lsprotocol reads any code action that carries a command as a bare
    Command (its union hook looks only for the key), so the action is checked as JSON."""
    raw = RawClient(server_command())
    try:
        raw.start_session(workspace)
        path = workspace / AGREEMENT
        uri = path.as_uri()
        raw.open(uri, path.read_text())
        line = path.read_text().splitlines()[1]
        name = {"line": 1, "character": line.index("ana_ines")}
        raw.request(2, "textDocument/codeAction", {"textDocument": {"uri": uri}, "range": {"start": name, "end": name},
                                                   "context": {"diagnostics": []}})
        actions = raw.response(2)["result"]
        show = next(a for a in actions if a["title"] == "Show rule `no_supervisor`")
        assert show["diagnostics"][0]["code"] == "M0520"
        raw.request(3, "workspace/executeCommand", {"command": show["command"]["command"], "arguments": show["command"]["arguments"]})
        request = raw.read_until(lambda m: m.get("method") == "window/showDocument")
        assert request["params"]["uri"] == (workspace / "program.mentor").as_uri()
        program = (workspace / "program.mentor").read_text().splitlines()
        rule_line = next(i for i, text in enumerate(program) if text.startswith("rule no_supervisor"))
        assert request["params"]["selection"]["start"] == {"line": rule_line, "character": len("rule ")}
        assert raw.response(3)["result"] is None
    finally:
        raw.close()
