/* cli_replay.h - `issu replay TRACE`: a trace run through the generated
 * controller (platforms/replay), its console lines printed. */
#ifndef CLI_REPLAY_H
#define CLI_REPLAY_H

/* argv: the arguments after "replay".  The exit status. */
int cli_replay(int argc, char **argv);

#endif
