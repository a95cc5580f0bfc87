import MentorCLI

// The executable is only a front door: everything lives in MentorCLI so tests run it in-process.
MentorCLI.main()
