#ifndef CEDITLINE_H
#define CEDITLINE_H

// Doors into libedit for Swift: libedit is opened at run time (cel_load_libedit), so only the
// REPL loads it, and Swift cannot call C variadic functions; plus the C standard streams, which
// Swift 6 cannot read as Glibc globals. Every function here forwards one call; the behaviour
// lives in Swift (MentorREPL).

#include <histedit.h>
#include <signal.h>
#include <stdio.h>
#include <wchar.h>

/// The C standard streams, which Swift 6 cannot read as Glibc globals.
FILE *cel_stdin(void);
FILE *cel_stdout(void);
FILE *cel_stderr(void);

/// Opens libedit (`override`, a path or library name, when not NULL or empty; else the usual
/// names of the runtime library) and finds its functions: 0, or -1 with cel_libedit_error().
/// Call it before any other function here that takes an EditLine or a History.
int cel_load_libedit(const char *override);
/// Why cel_load_libedit failed.
const char *cel_libedit_error(void);

/// `el_init`.
EditLine *cel_el_init(const char *program, FILE *input, FILE *output, FILE *errors);
/// `el_end`.
void cel_el_end(EditLine *editor);
/// `el_gets`: the edited line with its newline, or NULL at the end of input.
const char *cel_el_gets(EditLine *editor, int *count);
/// `el_source`: reads the editrc file (NULL: the default one).
int cel_el_source(EditLine *editor, const char *file);
/// `el_line`: the line being edited and the cursor.
const LineInfo *cel_el_line(EditLine *editor);
/// `el_cursor`: moves the cursor by `count` characters.
int cel_el_cursor(EditLine *editor, int count);
/// `el_insertstr`: inserts at the cursor.
int cel_el_insertstr(EditLine *editor, const char *text);
/// `el_deletestr`: deletes `count` characters before the cursor.
void cel_el_deletestr(EditLine *editor, int count);
/// `el_push`: pushes characters back onto the input.
void cel_el_push(EditLine *editor, const char *text);
/// `history_init`.
History *cel_history_init(void);
/// `history_end`.
void cel_history_end(History *list);

/// A libedit editor command: returns one of the CC_* codes.
typedef unsigned char (*cel_command_t)(EditLine *editor, int key);
/// A libedit prompt callback: returns a string the caller keeps alive.
typedef char *(*cel_prompt_t)(EditLine *editor);

/// `el_set(EL_PROMPT_ESC)`: the prompt callback and the character that brackets literal escapes.
int cel_set_prompt(EditLine *editor, cel_prompt_t prompt, char literal_escape);
/// `el_set(EL_EDITOR)`: "emacs" or "vi".
int cel_set_editor(EditLine *editor, const char *mode);
/// `el_set(EL_CLIENTDATA)`.
int cel_set_client_data(EditLine *editor, void *data);
/// `el_get(EL_CLIENTDATA)`; NULL when unset.
void *cel_client_data(EditLine *editor);
/// `el_set(EL_ADDFN)`: registers a named editor command.
int cel_add_function(EditLine *editor, const char *name, const char *help, cel_command_t function);
/// `el_set(EL_BIND, key, command, NULL)`, or with "-a" first (vi command mode's map) when `alternate_map`.
int cel_bind(EditLine *editor, const char *key, const char *command, int alternate_map);
/// `el_set(EL_SETTY, set, mode, NULL)`, such as ("-d", "-isig") for the edit set of tty modes.
int cel_setty(EditLine *editor, const char *set, const char *mode);
/// `el_set(EL_HIST, history, list)`: the history list Up, Down and Ctrl-R browse.
int cel_set_history(EditLine *editor, History *list);
/// `el_get(EL_GETTC, "co")`: the terminal's width in columns, or -1.
int cel_terminal_columns(EditLine *editor);
/// `el_set(EL_REFRESH)`: redraws the prompt and line from the current terminal position.
int cel_refresh(EditLine *editor);

/// `history(H_SETSIZE)`.
int cel_history_set_size(History *list, int size);
/// `history(H_ENTER)`: adds an entry as the newest.
int cel_history_enter(History *list, const char *entry);
/// `history(H_CLEAR)`.
int cel_history_clear(History *list);
/// `history(H_GETSIZE)`: the number of entries, or -1.
int cel_history_count(History *list);

/// `wcwidth(3)`: the terminal cells a character takes in the current locale, as libedit counts them
/// (Glibc's module map hides it from Swift).
int cel_wcwidth(wchar_t character);

/// `sigaction(signal)` with `handler`, no flags (so a blocked read(2) returns EINTR),
/// saving the previous action in `previous` for the caller to restore with sigaction(2).
int cel_install_signal_handler(int signal, void (*handler)(int), struct sigaction *previous);

#endif
