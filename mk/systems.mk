# mk/systems.mk: SPIN proofs of small systems of several machines that are
# not the ISSU procedure (tests/specs/systems/): two machines that talk by
# events, a chain of three, a coordinator with a machine array of workers,
# the same with a symmetric array (searched with symmetry reduction and
# without), and copies with one bug.  They show that the pipeline (the
# checker, the Promela model, the searches, the proof record) handles
# several machines and machine arrays, whatever model/issu.fsm uses.
#
#   make check-systems    (part of make check) the proofs of every correct
#                         spec must pass and match its committed record
#                         proofs/systems/NAME/record.json (hashes, verdicts);
#                         the proofs of every NAME-buggy.fsm must fail the
#                         property it names, with a scenario (about 55 s
#                         on 2 idle cores)
#   make proofs-systems   rewrite the committed records proofs/systems/NAME/
#                         record.{md,json} (after a change to a spec or to
#                         the Promela emitter); work files under $(O)/systems-proofs
#
# The records keep no hashes of generated C (mk/proofs.sh without -c).

SYSTEMS_DIR := tests/specs/systems
SYSTEMS_OK := $(basename $(notdir $(filter-out %-buggy.fsm,$(wildcard $(SYSTEMS_DIR)/*.fsm))))
SYSTEMS_PROVE := $(SYSTEMS_OK:%=proofs-systems-%)

.PHONY: check-systems check-abstract proofs-systems $(SYSTEMS_PROVE)

check-systems: $(REL_BIN) | deps
	$(call quiet,TEST,tests/proofs/systems.sh)bash tests/proofs/systems.sh $(REL_BIN) $(O)/systems

CHECK_STEPS += check-systems

# The localization abstraction (issu-gen --abstract) on drain.fsm: the model
# with the workers' counters dropped proves what does not read them, in
# fewer states, and finds drain-buggy.fsm's bug (tests/proofs/abstract.sh).
check-abstract: $(REL_BIN) | deps
	$(call quiet,TEST,tests/proofs/abstract.sh)bash tests/proofs/abstract.sh $(REL_BIN) $(O)/abstract

CHECK_STEPS += check-abstract

proofs-systems: $(SYSTEMS_PROVE)

$(SYSTEMS_PROVE): proofs-systems-%: $(SYSTEMS_DIR)/%.fsm $(REL_BIN) | deps
	$(call quiet,PROVE,$<)bash mk/proofs.sh -W 18 -g $(REL_BIN) -w $(O)/systems-proofs/$* \
		-r proofs/systems/$* -j $(PROOF_JOBS) \
		$(if $(wildcard proofs/systems/$*/record.json),-H proofs/systems/$*/record.json) $<
