# mk/conformance.mk: the generated C against the model (tests/conformance/).
#
#   make conformance   for every profile of $(SPEC):
#                      - the transition relation: issu-gen --relation, and
#                        relcheck runs the generated C through every entry;
#                      - model to C: SPIN random simulations (CONF_RUNS per
#                        profile) become traces that replay through the C;
#                      - C to model: the CLI's traces of simulated upgrades,
#                        with every fault and option, are checked by
#                        issu-gen --check-trace;
#                      and the corruption tests show that each check fails on
#                      a corrupted copy of the generated code.
#
# Read before platforms.mk and runtime.mk (mk/*.mk in name order): their
# variables are used with second expansion ($$) in prerequisites.

.SECONDEXPANSION:

CONF_RUNS ?= 1000
CONF_WORK := $(O)/conformance
CONF_BIN := $(O)/bin/relcheck
CONF_OBJ := $(O)/tests/conformance/relcheck.o

$(O)/tests/conformance/%.o: tests/conformance/%.c $$(RT_IDS) $(REL_FLAGS)
	@mkdir -p $(@D)
	$(call quiet,CC,$@)$(CC) $(REL_CFLAGS) $(PF_CPPFLAGS) -MMD -MP -c -o $@ $<

$(CONF_BIN): $(CONF_OBJ) $$(PF_LIB) $$(RT_LIB)
	@mkdir -p $(@D)
	$(call quiet,LINK,$@)$(CC) $(REL_CFLAGS) $(LDFLAGS) -o $@ $(CONF_OBJ) $(PF_LIB) $(RT_LIB) $(LDLIBS)

CONF_RUN = $(call quiet,CONFORM,$(SPEC))bash mk/conformance.sh -g $(REL_BIN) -i $(PF_BIN) \
	-r $(CONF_BIN) -w $(CONF_WORK) -n $(CONF_RUNS) $(SPEC)

.PHONY: conformance check-conformance check-conformance-corrupt
conformance: $(REL_BIN) $(CONF_BIN) $$(PF_BIN) | deps
	$(CONF_RUN)

# The checks must be able to fail: a corrupted copy of the generated C
# (another target, a missing action, a dropped guard) is built and each
# check must reject it.
check-conformance-corrupt: $(REL_BIN) | deps
	$(call quiet,CORRUPT,tests/conformance/corrupt.sh)bash tests/conformance/corrupt.sh \
		$(REL_BIN) $(O)/conformance-corrupt '$(CC)' '$(REL_CFLAGS)'

# In 'make check', after the proofs, so that their counterexample and
# witness traces replay through the C too.
check-conformance: $(REL_BIN) $(CONF_BIN) $$(PF_BIN) check-conformance-corrupt \
		| deps $(if $(filter check,$(MAKECMDGOALS)),check-proofs)
	$(CONF_RUN)

CHECK_STEPS += check-conformance

-include $(CONF_OBJ:.o=.d)
