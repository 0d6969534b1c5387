# mk/conformance.mk: the generated C against the model (tests/conformance/).
#
#   make conformance [SPEC=F]   for every profile of $(SPEC), any spec that
#                      issu-gen --check accepts:
#                      - the transition relation: issu-gen --relation, and
#                        relcheck runs the generated C through every entry,
#                        machine by machine (instance by instance where
#                        `self` matters);
#                      - model to C: SPIN random simulations (CONF_RUNS per
#                        profile) become traces that replay through the C
#                        (every instance of the profile);
#                      - C to model: traces of the C, checked by
#                        issu-gen --check-trace: for model/issu.fsm, which
#                        platforms/ simulate, the CLI's simulated upgrades
#                        with every fault and option; for any other spec,
#                        the traces the C wrote while replaying the model's
#                        runs;
#                      and (make check) the corruption tests show that each
#                      check fails on a corrupted copy of the generated code.
#   make check-conformance-systems   (part of make check) the same on every
#                      correct spec of tests/specs/systems/, CONF_SYSTEMS_RUNS
#                      random runs per profile
#
# model/issu.fsm (CONF_PF_SPEC, the spec the mx simulator and the issu CLI
# are built from) uses the main build: relcheck linked with $(PF_LIB), the
# CLI's replay.  Any other spec gets a build of its own in $(O)/spec/NAME/
# (NAME: the spec's file name without .fsm): its generated C, the runtime
# and the replay backend (platforms/replay), and two programs, relcheck and
# the generic replay driver (tests/conformance/replay.c); no platform.
#
# Read before platforms.mk and runtime.mk (mk/*.mk in name order): their
# variables are used with second expansion ($$) in prerequisites, or in
# recipes.

.SECONDEXPANSION:

CONF_RUNS ?= 1000
CONF_SYSTEMS_RUNS ?= 500
CONF_WORK := $(O)/conformance
CONF_BIN := $(O)/bin/relcheck
CONF_OBJ := $(O)/tests/conformance/relcheck.o
CONF_PF_SPEC := model/issu.fsm
CONF_SYSTEMS := $(sort $(filter-out %-buggy.fsm,$(wildcard tests/specs/systems/*.fsm)))

$(O)/tests/conformance/%.o: tests/conformance/%.c $$(RT_IDS) $(REL_FLAGS)
	@mkdir -p $(@D)
	$(call quiet,CC,$@)$(CC) $(REL_CFLAGS) $(PF_CPPFLAGS) -MMD -MP -c -o $@ $<

$(CONF_BIN): $(CONF_OBJ) $$(PF_LIB) $$(RT_LIB)
	@mkdir -p $(@D)
	$(call quiet,LINK,$@)$(CC) $(REL_CFLAGS) $(LDFLAGS) -o $@ $(CONF_OBJ) $(PF_LIB) $(RT_LIB) $(LDLIBS)

CONF_RUN = $(call quiet,CONFORM,$(SPEC))bash mk/conformance.sh -g $(REL_BIN) -i $(PF_BIN) \
	-r $(CONF_BIN) -w $(CONF_WORK) -n $(CONF_RUNS) $(SPEC)

# --- a spec no platform simulates: its own build in $(O)/spec/NAME/ -------------

CONF_RT_SRC := $(sort $(wildcard runtime/*.c))
CONF_RT_HDR := $(wildcard runtime/*.h)
conf-name = $(basename $(notdir $(1)))

# $(call conf-spec-rules,NAME,SPEC): the generated C of SPEC and the two
# programs $(O)/spec/NAME/bin/relcheck and .../bin/replay.
define conf-spec-rules
CONF_GEN_$(1) := $(O)/spec/$(1)/gen
CONF_LIB_OBJ_$(1) := $(CONF_RT_SRC:%.c=$(O)/spec/$(1)/obj/%.o) \
	$(O)/spec/$(1)/obj/platforms/replay/rp.o $(O)/spec/$(1)/obj/platforms/replay/rp_main.o \
	$(O)/spec/$(1)/gobj/issu_fsm.o $(O)/spec/$(1)/gobj/issu_glue.o $(O)/spec/$(1)/gobj/issu_monitors.o

$(O)/spec/$(1)/gen/.generated: $(2) $(REL_BIN)
	@mkdir -p $$(@D)
	$$(call quiet,GEN,$(O)/spec/$(1)/gen/ from $(2))$(REL_BIN) --c-ids $$(@D)/issu_ids.h \
		--ragel $$(@D)/issu.rl --c-glue $$(@D)/issu_glue.c --c-monitors $$(@D)/issu_monitors.c \
		--c-plant-h $$(@D)/issu_plant.h --c-plant $$(@D)/issu_plant.c $(2)
	@touch $$@

$(O)/spec/$(1)/gen/issu_ids.h $(O)/spec/$(1)/gen/issu.rl $(O)/spec/$(1)/gen/issu_glue.c \
	$(O)/spec/$(1)/gen/issu_monitors.c $(O)/spec/$(1)/gen/issu_plant.h \
	$(O)/spec/$(1)/gen/issu_plant.c: $(O)/spec/$(1)/gen/.generated ;

$(O)/spec/$(1)/gen/issu_fsm.c: $(O)/spec/$(1)/gen/issu.rl | deps
	$$(call quiet,RAGEL,$$@)cd $$(@D) && $$(RAGEL) $$(RAGEL_FLAGS) -o issu_fsm.c issu.rl

$(O)/spec/$(1)/obj/%.o: %.c $(O)/spec/$(1)/gen/.generated $(REL_FLAGS)
	@mkdir -p $$(@D)
	$$(call quiet,CC,$$@)$(CC) $(REL_CFLAGS) -I runtime -I $(O)/spec/$(1)/gen -I platforms/replay \
		-MMD -MP -c -o $$@ $$<

$(O)/spec/$(1)/gobj/%.o: $(O)/spec/$(1)/gen/%.c $(O)/spec/$(1)/gen/.generated $(REL_FLAGS)
	@mkdir -p $$(@D)
	$$(call quiet,CC,$$@)$(CC) $(REL_CFLAGS) $$(if $$(filter issu_fsm,$$*),$$(RT_FSM_RELAX)) \
		-I runtime -I $(O)/spec/$(1)/gen -MMD -MP -c -o $$@ $$<

$(O)/spec/$(1)/bin/%: $(O)/spec/$(1)/obj/tests/conformance/%.o $$(CONF_LIB_OBJ_$(1))
	@mkdir -p $$(@D)
	$$(call quiet,LINK,$$@)$(CC) $(REL_CFLAGS) $(LDFLAGS) -o $$@ $$< $$(CONF_LIB_OBJ_$(1)) $(LDLIBS)

.SECONDARY: $$(CONF_LIB_OBJ_$(1)) $(O)/spec/$(1)/obj/tests/conformance/relcheck.o \
	$(O)/spec/$(1)/obj/tests/conformance/replay.o

-include $$(wildcard $(O)/spec/$(1)/obj/*/*.d $(O)/spec/$(1)/obj/*/*/*.d $(O)/spec/$(1)/gobj/*.d)
endef

# $(call conf-spec-run,SPEC,RUNS): mk/conformance.sh on SPEC's own build; the
# traces of the systems' proofs (make check-systems) replay too, if current.
conf-spec-run = $(call quiet,CONFORM,$(1))bash mk/conformance.sh -g $(REL_BIN) \
	-r $(O)/spec/$(call conf-name,$(1))/bin/relcheck -x $(O)/spec/$(call conf-name,$(1))/bin/replay \
	-w $(O)/spec/$(call conf-name,$(1))/conformance -P $(O)/systems/$(call conf-name,$(1)) -n $(2) $(1)

CONF_IS_PF := $(if $(filter $(abspath $(CONF_PF_SPEC)),$(abspath $(SPEC))),1)
CONF_GENERIC := $(sort $(CONF_SYSTEMS) \
	$(if $(CONF_IS_PF)$(filter $(abspath $(SPEC)),$(abspath $(CONF_SYSTEMS))),,$(SPEC)))
$(foreach n,$(sort $(foreach s,$(CONF_GENERIC),$(call conf-name,$(s)))),$(if $(word 2,$(filter %/$(n).fsm $(n).fsm,$(CONF_GENERIC))),\
	$(error conformance: two specs named $(n).fsm: $(filter %/$(n).fsm $(n).fsm,$(CONF_GENERIC)))))
$(foreach s,$(CONF_GENERIC),$(eval $(call conf-spec-rules,$(call conf-name,$(s)),$(s))))
conf-spec-bins = $(O)/spec/$(call conf-name,$(1))/bin/relcheck $(O)/spec/$(call conf-name,$(1))/bin/replay

# --- the targets ------------------------------------------------------------------------

.PHONY: conformance check-conformance check-conformance-corrupt check-conformance-systems

ifeq ($(CONF_IS_PF),1)
conformance: $(REL_BIN) $(CONF_BIN) $$(PF_BIN) | deps
	$(CONF_RUN)
else
conformance: $(REL_BIN) $(call conf-spec-bins,$(SPEC)) | deps
	$(call conf-spec-run,$(SPEC),$(CONF_RUNS))
endif

# The checks must be able to fail: a corrupted copy of the generated C
# (another target, a missing action, a dropped guard) is built and each
# check must reject it, for model/issu.fsm and for a spec of several
# machines (on a machine that is not the first one).
check-conformance-corrupt: $(REL_BIN) | deps
	$(call quiet,CORRUPT,tests/conformance/corrupt.sh)bash tests/conformance/corrupt.sh \
		$(REL_BIN) $(O)/conformance-corrupt '$(CC)' '$(REL_CFLAGS)' '$(PF_LDLIBS)'

# In 'make check', after the proofs, so that their counterexample and
# witness traces replay through the C too.
ifeq ($(CONF_IS_PF),1)
check-conformance: $(REL_BIN) $(CONF_BIN) $$(PF_BIN) check-conformance-corrupt \
		| deps $(if $(filter check,$(MAKECMDGOALS)),check-proofs)
	$(CONF_RUN)
else
check-conformance: conformance check-conformance-corrupt
endif

# Every correct system of tests/specs/systems/ (several machines, machine
# arrays), each on its own build; after their proofs in 'make check', so
# that the proofs' witness traces replay too.
CONF_SYSTEMS_CHECKS := $(CONF_SYSTEMS:tests/specs/systems/%.fsm=check-conformance-system-%)
.PHONY: $(CONF_SYSTEMS_CHECKS)
check-conformance-systems: $(CONF_SYSTEMS_CHECKS)
$(CONF_SYSTEMS_CHECKS): check-conformance-system-%: $(REL_BIN) \
		$(O)/spec/%/bin/relcheck $(O)/spec/%/bin/replay \
		| deps $(if $(filter check,$(MAKECMDGOALS)),check-systems)
	$(call conf-spec-run,tests/specs/systems/$*.fsm,$(CONF_SYSTEMS_RUNS)) >$(O)/spec/$*/conformance.log 2>&1 \
		|| { cat $(O)/spec/$*/conformance.log; exit 1; }
	@sed -n 's/^conformance: /conformance: $*: /p' $(O)/spec/$*/conformance.log

CHECK_STEPS += check-conformance check-conformance-systems

-include $(CONF_OBJ:.o=.d)
