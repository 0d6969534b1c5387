# mk/proofs.mk: the SPIN proofs (issue 3).  mk/proofs.sh does the work; the
# record it writes under proofs/ is the one generated file that is committed.
#
#   make proofs            every profile of $(SPEC); writes proofs/record.{md,json}
#                          (PROOF_RECORD=dir: dir/record.{md,json} instead)
#   make promela           the Promela model of each profile of $(SPEC), to read
#                          or to run SPIN on by hand: $(O)/promela/PROFILE.pml
#   make proofs-mutants    every mutant of $(SPEC), each must be killed on one of
#                          $(MUTANT_PROFILE) (a profile per family: a family's
#                          part is in its own profiles' models only)
#   make check             also re-runs the proofs of model/issu.fsm and fails if
#                          the verdicts or hashes differ from proofs/record.json
#                          (the largest profiles: their models' hashes only)

PROOF_WORK := $(O)/proofs
PROOF_JOBS ?= 2
PROOF_RECORD ?= proofs
# The M120 at full size is too large to search once per mutant: its
# family's part is searched on a smaller M120 (mk/profargs.sh), the
# smallest on which every transition of the family fires.
MUTANT_PROFILE ?= mx240 qfx5100 jcp m120:slots=2,febs=2
MUTANT_ONLY ?=
MUTANT_RECORD ?= proofs
# The generated C whose hashes the record keeps: defined in mk/runtime.mk,
# which is read after this file, hence '=' and $$ (second expansion) in
# the prerequisites: without it 'make proofs' did not regenerate the C and
# recorded the hashes of whatever build/gen-c held.
.SECONDEXPANSION:
PROOF_CFILES = $(RT_CTRL_C) $(RT_IDS)

.PHONY: proofs proofs-mutants check-proofs promela

# The models, one per profile (issu-gen rewrites a model only when its text
# changes, so a rebuilt generator touches only the models it changes).
PROMELA_DIR := $(O)/promela
PROMELA_PROFILES = $(shell $(REL_BIN) --profiles $(SPEC) 2>/dev/null)
promela: $(REL_BIN) | deps
	@mkdir -p $(PROMELA_DIR)
	@set -e; for p in $(PROMELA_PROFILES); do \
		printf '  %-7s %s\n' PROMELA promela/$$p.pml; \
		$(REL_BIN) --promela $(PROMELA_DIR)/$$p.pml --profile $$p $(SPEC); done
	@test -n '$(PROMELA_PROFILES)' || { echo 'promela: $(SPEC) has no profile (or does not check)' >&2; exit 1; }

proofs: $(REL_BIN) $$(PROOF_CFILES) | deps
	$(call quiet,PROVE,$(SPEC))bash mk/proofs.sh -g $(REL_BIN) -w $(PROOF_WORK) \
		-r $(PROOF_RECORD) -j $(PROOF_JOBS) -c '$(PROOF_CFILES)' \
		$(if $(wildcard $(PROOF_RECORD)/record.json),-H $(PROOF_RECORD)/record.json) $(SPEC)

proofs-mutants: $(REL_BIN) | deps
	$(call quiet,MUTANTS,$(SPEC) on $(MUTANT_PROFILE))bash mk/proofs-mutants.sh \
		-g $(REL_BIN) -w $(O)/mutants -p '$(MUTANT_PROFILE)' -j $(PROOF_JOBS) \
		-e proofs/equivalent-mutants.txt -r $(MUTANT_RECORD) $(if $(MUTANT_ONLY),-n '$(MUTANT_ONLY)') $(SPEC)

# A fresh run of the proofs of model/issu.fsm into the build directory,
# compared with the committed record: the spec, model and generated-C hashes
# and every verdict must be the same.  A profile whose searches in the
# record stored more than CHECK_PROOF_MAX_STATES states is not searched
# again here (make proofs does): its model must be the one the record
# proved, byte for byte (mk/proofs-check.sh).  CHECK_PROOF_MAX_STATES=0
# searches every profile.
CHECK_PROOF_MAX_STATES ?= 10000000
check-proofs: $(REL_BIN) $$(PROOF_CFILES) | deps
	$(call quiet,PROVE,model/issu.fsm)bash mk/proofs-check.sh -g $(REL_BIN) -w $(O)/proofs-check \
		-j $(PROOF_JOBS) -c '$(PROOF_CFILES)' -s $(CHECK_PROOF_MAX_STATES) proofs/record.json model/issu.fsm

CHECK_STEPS += check-proofs

# The counterexample regressions: without the guard that waits for GRES
# readiness before the switchover, S3 must fail with a readable scenario;
# a controller that gives up against D9, D10 or D11 must fail S18.
check-proofs-regress: $(REL_BIN) | deps
	$(call quiet,TEST,tests/proofs/gres-guard.sh)sh tests/proofs/gres-guard.sh \
		$(REL_BIN) $(O)/proofs-regress '$(PF_LDLIBS)'
	$(call quiet,TEST,tests/proofs/decisions.sh)sh tests/proofs/decisions.sh \
		$(REL_BIN) $(O)/proofs-regress-decisions

.PHONY: check-proofs-regress
CHECK_STEPS += check-proofs-regress

# 'make run' verifies the spec on the default chassis before simulating it.
RUN_PROFILE ?= mx480
run-proofs: $(REL_BIN) | deps
	$(call quiet,PROVE,$(SPEC) on $(RUN_PROFILE))bash mk/proofs.sh -g $(REL_BIN) \
		-w $(O)/proofs-run -p $(RUN_PROFILE) -j 1 $(SPEC)

.PHONY: run-proofs
RUN_STEPS := run-proofs $(RUN_STEPS)
