#ifndef CEDITLINE_H
#define CEDITLINE_H

#include <stdio.h>

/// The C standard streams, which Swift 6 cannot read as Glibc globals.
FILE *cel_stdin(void);
FILE *cel_stdout(void);
FILE *cel_stderr(void);

#endif
