# mk/fuzz.mk: libFuzzer targets (tests/fuzz/), built with clang and
# AddressSanitizer + UBSan.
#
#   make fuzz [FUZZ_SECONDS=N]   each target N seconds (default 60), from its
#                      seed corpus tests/fuzz/corpus/NAME/ and what earlier
#                      runs kept in $(O)/fuzz/corpus/NAME/; prints, per target,
#                      the runs, the coverage and the crashes; a crash (its
#                      input in $(O)/fuzz/crashes/NAME/) fails the target
#   make check         a smoke run of FUZZ_SMOKE_SECONDS per target
#
# Targets: spec (the spec front end), trace (the trace checker), package
# (the signed package's manifest and signature readers, linked with
# libcrypto), events (the runtime's event entry with the generated
# controller), journal (the journal file `issu resume` reads).  A crash found becomes a regression test in the suite of the
# part it breaks; its input also joins the seed corpus.

FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 5
FUZZ_FLAGS := -std=c99 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_DIR := $(O)/fuzz
FUZZ_NAMES := spec trace package events journal
FUZZ_BINS := $(FUZZ_NAMES:%=$(FUZZ_DIR)/fuzz_%)

FUZZ_GEN_SRC = $(GEN_LIB_SRC) $(TMPL_C)
FUZZ_PKG_SRC := platforms/cli/cli_pkg.c platforms/chassis/ch_release.c platforms/sim/sim_err.c
FUZZ_RT_SRC = $(RT_SRC) $(RT_CTRL_C) tests/runtime/fake_hal.c

# The two targets on the generator's front end.
$(FUZZ_DIR)/fuzz_spec $(FUZZ_DIR)/fuzz_trace: $(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_copy.h \
		$$(FUZZ_GEN_SRC) | deps
	@mkdir -p $(@D)
	$(call quiet,FUZZCC,$@)$(FUZZ_CC) $(FUZZ_FLAGS) $(GEN_CPPFLAGS) $(GEN_INC) -I tests/fuzz -o $@ $< $(FUZZ_GEN_SRC)

$(FUZZ_DIR)/fuzz_package: tests/fuzz/fuzz_package.c tests/fuzz/fuzz_copy.h $(FUZZ_PKG_SRC) | deps
	@mkdir -p $(@D)
	$(call quiet,FUZZCC,$@)$(FUZZ_CC) $(FUZZ_FLAGS) -I tests/fuzz -I platforms/cli -I platforms/chassis -I platforms/sim \
		-o $@ $< $(FUZZ_PKG_SRC) -lcrypto

$(FUZZ_DIR)/fuzz_events: tests/fuzz/fuzz_events.c $$(FUZZ_RT_SRC) $$(RT_IDS) | deps
	@mkdir -p $(@D)
	$(call quiet,FUZZCC,$@)$(FUZZ_CC) $(FUZZ_FLAGS) $(RT_CPPFLAGS) -I tests/runtime -o $@ $< $(FUZZ_RT_SRC)

FUZZ_JOURNAL_SRC := platforms/cli/cli_journal.c platforms/sim/sim_err.c
$(FUZZ_DIR)/fuzz_journal: tests/fuzz/fuzz_journal.c tests/fuzz/fuzz_copy.h $(FUZZ_JOURNAL_SRC) $$(RT_IDS) | deps
	@mkdir -p $(@D)
	$(call quiet,FUZZCC,$@)$(FUZZ_CC) $(FUZZ_FLAGS) $(RT_CPPFLAGS) -I tests/fuzz -I platforms/cli -I platforms/sim \
		-o $@ $< $(FUZZ_JOURNAL_SRC)

# fuzz-run SECONDS: every target for SECONDS, one after the other.
fuzz-run = bash mk/fuzz.sh -d $(FUZZ_DIR) -t $(1) $(FUZZ_NAMES)

.PHONY: fuzz check-fuzz
fuzz: $(FUZZ_BINS)
	$(call quiet,FUZZ,$(FUZZ_SECONDS) s per target)$(call fuzz-run,$(FUZZ_SECONDS))

check-fuzz: $(FUZZ_BINS)
	$(call quiet,FUZZ,$(FUZZ_SMOKE_SECONDS) s per target)$(call fuzz-run,$(FUZZ_SMOKE_SECONDS))

CHECK_STEPS += check-fuzz
