"""Position queries while the text does not parse: an editor's buffer is broken most of the
time it is being typed in, so definition, hover, completion and the outline answer from what
the parser recovered, while the diagnostics stay the syntax errors `check` reports."""

import asyncio
import pathlib

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from conftest import server_command

AGREEMENT = "agreements/ana_dave.mentor"


@pytest_lsp.fixture(config=ClientServerConfig(server_command=server_command()))
async def client(lsp_client: LanguageClient):
    lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)(lambda params: None)
    yield
    await lsp_client.shutdown_session()


async def opened(client: LanguageClient, workspace: pathlib.Path, relative: str):
    await client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"),
        workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="credential-program")]))
    path = workspace / relative
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=path.as_uri(), language_id="mentor", version=1, text=path.read_text())))
    return path.as_uri(), path.read_text().splitlines()


def replace_line(client: LanguageClient, uri: str, lines, line: int, text: str):
    """Replaces line `line` (without its line break) by `text`, as typing does."""
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=line, character=0),
                              end=types.Position(line=line, character=len(lines[line]))),
            text=text)]))


async def syntax_errors(client: LanguageClient, uri: str, timeout: float = 30.0):
    """The first diagnostics published for `uri` that hold an error."""
    async def wait():
        while True:
            published = client.diagnostics.get(uri, [])
            if any(d.severity == types.DiagnosticSeverity.Error for d in published):
                return published
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return await asyncio.wait_for(wait(), timeout)


def at(lines, word: str, offset: int = 0) -> types.Position:
    line = next(i for i, text in enumerate(lines) if word in text)
    return types.Position(line=line, character=lines[line].index(word) + offset)


def document(uri: str) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=uri)


async def test_a_broken_line_leaves_the_rest_of_its_file_answering(client: LanguageClient, workspace):
    uri, lines = await opened(client, workspace, AGREEMENT)
    # The value of `confidential` deleted, as while it is being retyped.
    broken = next(i for i, text in enumerate(lines) if text.strip().startswith("confidential:"))
    replace_line(client, uri, lines, broken, "  confidential:")
    lines[broken] = "  confidential:"
    diagnostics = await syntax_errors(client, uri)
    # Only the syntax error is shown: nothing that follows from the text the parser skipped.
    assert diagnostics and all(d.code.startswith("M02") for d in diagnostics)
    assert all(d.range.start.line >= broken for d in diagnostics)

    # Definition elsewhere in the file, into another file.
    location = await client.text_document_definition_async(types.DefinitionParams(
        text_document=document(uri), position=at(lines, "mentor: ana", len("mentor: "))))
    people = (workspace / "people.mentor").read_text().splitlines()
    assert location.uri == (workspace / "people.mentor").as_uri()
    assert location.range.start == at(people, "person ana", len("person "))

    # Hover on the agreement, with its facts; on a goal below the broken line.
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=document(uri), position=at(lines, "agreement ana_dave", len("agreement "))))
    assert hover.contents.value.startswith("**agreement** `ana_dave`")
    assert "- end: 2027-01-12" in hover.contents.value
    goal = await client.text_document_hover_async(types.HoverParams(
        text_document=document(uri), position=at(lines, "goal savings", len("goal "))))
    assert "Cut procurement cost" in goal.contents.value

    # Completion offers the programme's people for the name typed after `mentee:`.
    completion = await client.text_document_completion_async(types.CompletionParams(
        text_document=document(uri), position=at(lines, "mentee: dave", len("mentee: dave"))))
    assert {item.label for item in completion.items} == {"dave"}

    # The outline keeps every declaration of the file.
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=document(uri)))
    assert [s.name for s in symbols][:2] == ["ana_dave", "ana_dave_plan"]
    assert [c.name for c in symbols[0].children] == ["savings", "negotiation"]

    # Rename is refused: the uses in the skipped text would be left behind.
    with pytest.raises(Exception) as refused:
        await client.text_document_prepare_rename_async(types.PrepareRenameParams(
            text_document=document(uri), position=at(lines, "mentor: ana", len("mentor: "))))
    assert "syntax errors" in str(refused.value)


async def test_a_broken_file_leaves_the_others_answering(client: LanguageClient, workspace):
    people_uri, people = await opened(client, workspace, "people.mentor")
    broken = next(i for i, text in enumerate(people) if text.startswith("person lee"))
    replace_line(client, people_uri, people, broken, "person lee \"Lee Park\" {")
    await syntax_errors(client, people_uri)
    path = workspace / AGREEMENT
    uri = path.as_uri()
    lines = path.read_text().splitlines()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="mentor", version=1, text=path.read_text())))
    rule = await client.text_document_definition_async(types.DefinitionParams(
        text_document=document(uri), position=at(lines, "violations(no_supervisor", len("violations("))))
    assert rule.uri == (workspace / "program.mentor").as_uri()
    # `ana` is declared above the broken line, so it is still known.
    references = await client.text_document_references_async(types.ReferenceParams(
        text_document=document(uri), position=at(lines, "mentor: ana", len("mentor: ")),
        context=types.ReferenceContext(include_declaration=True)))
    assert people_uri in {r.uri for r in references} and uri in {r.uri for r in references}
