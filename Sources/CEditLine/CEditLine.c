#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE 1
#include "CEditLine.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

// libedit is opened when the REPL first edits a line, not linked: every other command starts
// without loading it and the terminal libraries it pulls in. Its functions are reached through
// these pointers, all set together by cel_load_libedit.
static struct {
    int loaded;
    char error[512];
    EditLine *(*el_init)(const char *, FILE *, FILE *, FILE *);
    void (*el_end)(EditLine *);
    const char *(*el_gets)(EditLine *, int *);
    int (*el_set)(EditLine *, int, ...);
    int (*el_get)(EditLine *, int, ...);
    int (*el_source)(EditLine *, const char *);
    const LineInfo *(*el_line)(EditLine *);
    int (*el_cursor)(EditLine *, int);
    int (*el_insertstr)(EditLine *, const char *);
    void (*el_deletestr)(EditLine *, int);
    void (*el_push)(EditLine *, const char *);
    History *(*history_init)(void);
    void (*history_end)(History *);
    int (*history)(History *, HistEvent *, int, ...);
} lib;

static void *open_first(const char *override) {
    if (override != NULL && override[0] != '\0') return dlopen(override, RTLD_NOW | RTLD_LOCAL);
    // The runtime library's names on Debian (libedit2), other Linux distributions and macOS.
    static const char *const names[] = {"libedit.so.2", "libedit.so.0", "libedit.so", "libedit.3.dylib", "libedit.dylib"};
    for (size_t index = 0; index < sizeof names / sizeof names[0]; index++) {
        void *handle = dlopen(names[index], RTLD_NOW | RTLD_LOCAL);
        if (handle != NULL) return handle;
    }
    return NULL;
}

#define CEL_RESOLVE(name)                                                                              \
    do {                                                                                               \
        *(void **)(&lib.name) = dlsym(handle, #name);                                                  \
        if (lib.name == NULL) {                                                                        \
            snprintf(lib.error, sizeof lib.error, "libedit lacks `%s`", #name);                        \
            return -1;                                                                                 \
        }                                                                                              \
    } while (0)

int cel_load_libedit(const char *override) {
    if (lib.loaded) return 0;
    void *handle = open_first(override);
    if (handle == NULL) {
        const char *reason = dlerror();
        snprintf(lib.error, sizeof lib.error, "%s", reason != NULL ? reason : "libedit not found");
        return -1;
    }
    CEL_RESOLVE(el_init);
    CEL_RESOLVE(el_end);
    CEL_RESOLVE(el_gets);
    CEL_RESOLVE(el_set);
    CEL_RESOLVE(el_get);
    CEL_RESOLVE(el_source);
    CEL_RESOLVE(el_line);
    CEL_RESOLVE(el_cursor);
    CEL_RESOLVE(el_insertstr);
    CEL_RESOLVE(el_deletestr);
    CEL_RESOLVE(el_push);
    CEL_RESOLVE(history_init);
    CEL_RESOLVE(history_end);
    CEL_RESOLVE(history);
    lib.loaded = 1;
    return 0;
}

const char *cel_libedit_error(void) { return lib.error; }

EditLine *cel_el_init(const char *program, FILE *input, FILE *output, FILE *errors) {
    return lib.el_init(program, input, output, errors);
}
void cel_el_end(EditLine *editor) { lib.el_end(editor); }
const char *cel_el_gets(EditLine *editor, int *count) { return lib.el_gets(editor, count); }
int cel_el_source(EditLine *editor, const char *file) { return lib.el_source(editor, file); }
const LineInfo *cel_el_line(EditLine *editor) { return lib.el_line(editor); }
int cel_el_cursor(EditLine *editor, int count) { return lib.el_cursor(editor, count); }
int cel_el_insertstr(EditLine *editor, const char *text) { return lib.el_insertstr(editor, text); }
void cel_el_deletestr(EditLine *editor, int count) { lib.el_deletestr(editor, count); }
void cel_el_push(EditLine *editor, const char *text) { lib.el_push(editor, text); }
History *cel_history_init(void) { return lib.history_init(); }
void cel_history_end(History *list) { lib.history_end(list); }

FILE *cel_stdin(void) { return stdin; }
FILE *cel_stdout(void) { return stdout; }
FILE *cel_stderr(void) { return stderr; }

int cel_set_prompt(EditLine *editor, cel_prompt_t prompt, char literal_escape) {
    return lib.el_set(editor, EL_PROMPT_ESC, prompt, literal_escape);
}

int cel_set_editor(EditLine *editor, const char *mode) { return lib.el_set(editor, EL_EDITOR, mode); }

int cel_set_client_data(EditLine *editor, void *data) { return lib.el_set(editor, EL_CLIENTDATA, data); }

void *cel_client_data(EditLine *editor) {
    void *data = NULL;
    if (lib.el_get(editor, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}

int cel_add_function(EditLine *editor, const char *name, const char *help, cel_command_t function) {
    return lib.el_set(editor, EL_ADDFN, name, help, function);
}

int cel_bind(EditLine *editor, const char *key, const char *command, int alternate_map) {
    if (alternate_map) return lib.el_set(editor, EL_BIND, "-a", key, command, NULL);
    return lib.el_set(editor, EL_BIND, key, command, NULL);
}

int cel_setty(EditLine *editor, const char *set, const char *mode) {
    return lib.el_set(editor, EL_SETTY, set, mode, NULL);
}

int cel_set_history(EditLine *editor, History *list) { return lib.el_set(editor, EL_HIST, lib.history, list); }

int cel_terminal_columns(EditLine *editor) {
    int columns = -1;
    if (lib.el_get(editor, EL_GETTC, "co", &columns) != 0) return -1;
    return columns;
}

int cel_refresh(EditLine *editor) { return lib.el_set(editor, EL_REFRESH); }

int cel_history_set_size(History *list, int size) {
    HistEvent event;
    return lib.history(list, &event, H_SETSIZE, size);
}

int cel_history_enter(History *list, const char *entry) {
    HistEvent event;
    return lib.history(list, &event, H_ENTER, entry);
}

int cel_history_clear(History *list) {
    HistEvent event;
    return lib.history(list, &event, H_CLEAR);
}

int cel_history_count(History *list) {
    HistEvent event;
    if (lib.history(list, &event, H_GETSIZE) < 0) return -1;
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
