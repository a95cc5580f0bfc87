#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE 1
#include "CEditLine.h"

#include <string.h>

FILE *cel_stdin(void) { return stdin; }
FILE *cel_stdout(void) { return stdout; }
FILE *cel_stderr(void) { return stderr; }

int cel_set_prompt(EditLine *editor, cel_prompt_t prompt, char literal_escape) {
    return el_set(editor, EL_PROMPT_ESC, prompt, literal_escape);
}

int cel_set_editor(EditLine *editor, const char *mode) { return el_set(editor, EL_EDITOR, mode); }

int cel_set_client_data(EditLine *editor, void *data) { return el_set(editor, EL_CLIENTDATA, data); }

void *cel_client_data(EditLine *editor) {
    void *data = NULL;
    if (el_get(editor, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}

int cel_add_function(EditLine *editor, const char *name, const char *help, cel_command_t function) {
    return el_set(editor, EL_ADDFN, name, help, function);
}

int cel_bind(EditLine *editor, const char *key, const char *command, int alternate_map) {
    if (alternate_map) return el_set(editor, EL_BIND, "-a", key, command, NULL);
    return el_set(editor, EL_BIND, key, command, NULL);
}

int cel_setty(EditLine *editor, const char *set, const char *mode) {
    return el_set(editor, EL_SETTY, set, mode, NULL);
}

int cel_set_history(EditLine *editor, History *list) { return el_set(editor, EL_HIST, history, list); }

int cel_terminal_columns(EditLine *editor) {
    int columns = -1;
    if (el_get(editor, EL_GETTC, "co", &columns) != 0) return -1;
    return columns;
}

int cel_refresh(EditLine *editor) { return el_set(editor, EL_REFRESH); }

int cel_history_set_size(History *list, int size) {
    HistEvent event;
    return history(list, &event, H_SETSIZE, size);
}

int cel_history_enter(History *list, const char *entry) {
    HistEvent event;
    return history(list, &event, H_ENTER, entry);
}

int cel_history_clear(History *list) {
    HistEvent event;
    return history(list, &event, H_CLEAR);
}

int cel_history_count(History *list) {
    HistEvent event;
    if (history(list, &event, H_GETSIZE) < 0) return -1;
    return event.num;
}

int cel_wcwidth(wchar_t character) { return wcwidth(character); }

int cel_install_signal_handler(int signal, void (*handler)(int), struct sigaction *previous) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    return sigaction(signal, &action, previous);
}
