# mk/runtime.mk: the generated controller and the C runtime (runtime/).
#
#   $(RT_GEN)/           issu_ids.h, issu.rl, issu_glue.c, issu_monitors.c
#                        from $(SPEC) by issu-gen, and issu_fsm.c from Ragel;
#                        also issu_plant.h and issu_plant.c, the reference
#                        plant ($(RT_PLANT_C), $(RT_PLANT_H)): the spec's world
#                        for simulators and tests, never in a library here
#   $(RT_LIB)            host release library (controller + runtime)
#   $(RT_SAN_LIB)        host library with the sanitizer flags
#   $(RT_ARM_LIB)        Cortex-M4 firmware library (arm-none-eabi-gcc -Os)
#   $(RT_TEST_BIN)       CUnit tests of the runtime (tests/runtime/), in 'make check'
#   make size            .text/.rodata/.data/.bss of the controller and the runtime (Cortex-M4)
#   make bench           events/s of the controller on the host, stub HAL (printed only)
#
# Other components (platforms) include $(RT_GEN) and runtime/ and link
# $(RT_LIB) or $(RT_SAN_LIB); their objects depend on $(RT_IDS).

RT_GEN := $(O)/gen-c
RT_IDS := $(RT_GEN)/issu_ids.h
# The reference plant is generated with the rest but is not firmware: it is
# in no RT_ library; a simulator or a test compiles $(RT_PLANT_C) itself.
RT_PLANT_C := $(RT_GEN)/issu_plant.c
RT_PLANT_H := $(RT_GEN)/issu_plant.h
RT_GENERATED := $(RT_IDS) $(RT_GEN)/issu.rl $(RT_GEN)/issu_glue.c $(RT_GEN)/issu_monitors.c \
	$(RT_PLANT_H) $(RT_PLANT_C)
RT_CTRL_C := $(RT_GEN)/issu_fsm.c $(RT_GEN)/issu_glue.c $(RT_GEN)/issu_monitors.c
RT_SRC := $(sort $(wildcard runtime/*.c))
RT_CPPFLAGS := -I runtime -I $(RT_GEN)
RAGEL ?= ragel
RAGEL_FLAGS := -T0

# Ragel's table-driven output (-T0: the smallest code, for firmware) adds
# signed ints to its unsigned table pointers (`_keys += _klen` and the like)
# without casts, which -Wconversion reports as sign conversions in C; so
# issu_fsm.c alone is compiled with -Wno-sign-conversion.  Every other
# warning stays an error there too.
RT_FSM_RELAX := -Wno-sign-conversion

RT_OBJ := $(RT_SRC:%.c=$(O)/%.o) $(RT_CTRL_C:$(RT_GEN)/%.c=$(O)/rt/%.o)
RT_SAN_OBJ := $(RT_SRC:%.c=$(O)/asan/%.o) $(RT_CTRL_C:$(RT_GEN)/%.c=$(O)/asan/rt/%.o)
RT_LIB := $(O)/lib/libissu.a
RT_SAN_LIB := $(O)/asan/lib/libissu.a

# --- generation: the rule depends on the generator binary too ------------------
# issu-gen leaves an output whose text did not change untouched, so the
# rule runs against a stamp and the generated files are its side effects:
# a new generator or a spec edit that changes nothing in the C rebuilds
# nothing that includes it.

# The spec's path is a stamp of its own: `make proofs SPEC=other.fsm`
# followed by a plain `make` regenerates the C of model/issu.fsm.
RT_STAMP := $(RT_GEN)/.generated
RT_SPEC_STAMP := $(RT_GEN)/.spec
$(RT_SPEC_STAMP): FORCE
	$(call write-stamp,$(SPEC),spec of $(RT_GEN))

$(RT_STAMP): $(call spec-sources,$(SPEC)) $(REL_BIN) $(RT_SPEC_STAMP)
	@mkdir -p $(RT_GEN)
	$(call quiet,GEN,$(RT_GEN)/ issu_ids.h issu.rl issu_glue.c issu_monitors.c issu_plant.[ch])$(REL_BIN) \
		--c-ids $(RT_IDS) --ragel $(RT_GEN)/issu.rl --c-glue $(RT_GEN)/issu_glue.c \
		--c-monitors $(RT_GEN)/issu_monitors.c --c-plant-h $(RT_PLANT_H) --c-plant $(RT_PLANT_C) $(SPEC)
	@touch $@

$(RT_GENERATED): $(RT_STAMP) ;

# Ragel runs in the output directory, so that its #line directives name
# "issu.rl" and not a path: the generated C (and its hash in the proof
# record) is the same whatever the build directory O is.
$(RT_GEN)/issu_fsm.c: $(RT_GEN)/issu.rl mk/runtime.mk | deps
	$(call quiet,RAGEL,$@)cd $(RT_GEN) && $(RAGEL) $(RAGEL_FLAGS) -o issu_fsm.c issu.rl

# --- host: release and sanitizer -----------------------------------------------------

$(O)/runtime/%.o: runtime/%.c $(RT_IDS) $(REL_FLAGS)
	@mkdir -p $(@D)
	$(call quiet,CC,$@)$(CC) $(REL_CFLAGS) $(RT_CPPFLAGS) -MMD -MP -c -o $@ $<

$(O)/rt/%.o: $(RT_GEN)/%.c $(RT_IDS) $(REL_FLAGS)
	@mkdir -p $(@D)
	$(call quiet,CC,$@)$(CC) $(REL_CFLAGS) $(if $(filter issu_fsm,$*),$(RT_FSM_RELAX)) $(RT_CPPFLAGS) -MMD -MP -c -o $@ $<

$(O)/asan/runtime/%.o: runtime/%.c $(RT_IDS) $(SAN_FLAGS)
	@mkdir -p $(@D)
	$(call quiet,CC,$@)$(CC) $(SAN_CFLAGS) $(RT_CPPFLAGS) -MMD -MP -c -o $@ $<

$(O)/asan/rt/%.o: $(RT_GEN)/%.c $(RT_IDS) $(SAN_FLAGS)
	@mkdir -p $(@D)
	$(call quiet,CC,$@)$(CC) $(SAN_CFLAGS) $(if $(filter issu_fsm,$*),$(RT_FSM_RELAX)) $(RT_CPPFLAGS) -MMD -MP -c -o $@ $<

$(RT_LIB): $(RT_OBJ)
	@mkdir -p $(@D)
	$(call quiet,AR,$@)rm -f $@ && $(AR) rcs $@ $(RT_OBJ)

$(RT_SAN_LIB): $(RT_SAN_OBJ)
	@mkdir -p $(@D)
	$(call quiet,AR,$@)rm -f $@ && $(AR) rcs $@ $(RT_SAN_OBJ)

# --- Cortex-M4 firmware build ------------------------------------------------------------

ARM_CC ?= arm-none-eabi-gcc
ARM_AR ?= arm-none-eabi-ar
ARM_SIZE ?= arm-none-eabi-size
ARM_CFLAGS := -mcpu=cortex-m4 -mthumb -Os -ffunction-sections -fdata-sections
ARM_FLAGS := $(O)/arm/.cflags
RT_ARM_CTRL_OBJ := $(RT_CTRL_C:$(RT_GEN)/%.c=$(O)/arm/%.o)
RT_ARM_RT_OBJ := $(RT_SRC:runtime/%.c=$(O)/arm/%.o)
RT_ARM_LIB := $(O)/arm/libissu.a

$(ARM_FLAGS): FORCE $(DEPS_ORDER)
	$(call write-stamp,$(ARM_CC) $(STD_WARN) $(ARM_CFLAGS),firmware build flags)

$(O)/arm/%.o: runtime/%.c $(RT_IDS) $(ARM_FLAGS)
	@mkdir -p $(@D)
	$(call quiet,ARMCC,$@)$(ARM_CC) $(STD_WARN) $(ARM_CFLAGS) $(RT_CPPFLAGS) -MMD -MP -c -o $@ $<

$(O)/arm/%.o: $(RT_GEN)/%.c $(RT_IDS) $(ARM_FLAGS)
	@mkdir -p $(@D)
	$(call quiet,ARMCC,$@)$(ARM_CC) $(STD_WARN) $(ARM_CFLAGS) $(if $(filter issu_fsm,$*),$(RT_FSM_RELAX)) $(RT_CPPFLAGS) -MMD -MP -c -o $@ $<

$(RT_ARM_LIB): $(RT_ARM_CTRL_OBJ) $(RT_ARM_RT_OBJ)
	$(call quiet,AR,$@)rm -f $@ && $(ARM_AR) rcs $@ $^

# $(call rt-size,label,objects): the sum of each section kind over the objects.
rt-size = $(ARM_SIZE) -A $(2) | awk -v what='$(1)' ' \
	$$1 ~ /^\.text/ { t += $$2 } $$1 ~ /^\.rodata/ { r += $$2 } \
	$$1 ~ /^\.data/ { d += $$2 } $$1 ~ /^\.bss/ { b += $$2 } \
	END { printf "%-22s %8d %8d %8d %8d\n", what, t, r, d, b }'

.PHONY: size bench runtime check-runtime check-runtime-specs
runtime: $(RT_LIB) $(RT_SAN_LIB) $(RT_ARM_LIB)

size: $(RT_ARM_LIB)
	@printf '%-22s %8s %8s %8s %8s\n' 'Cortex-M4 -Os' .text .rodata .data .bss
	@$(call rt-size,controller (generated),$(RT_ARM_CTRL_OBJ))
	@$(call rt-size,runtime,$(RT_ARM_RT_OBJ))
	@$(call rt-size,total,$(RT_ARM_CTRL_OBJ) $(RT_ARM_RT_OBJ))
	@echo 'size: per instance (sizeof(issu)) is printed by make bench'

# --- tests ------------------------------------------------------------------------------------

RT_TEST_SRC := $(sort $(wildcard tests/runtime/*.c))
RT_TEST_OBJ := $(RT_TEST_SRC:%.c=$(O)/asan/%.o) $(CU_OBJ)
RT_TEST_BIN := $(O)/asan/tests/runtime-tests

$(O)/asan/tests/runtime/%.o: tests/runtime/%.c $(RT_IDS) $(SAN_FLAGS)
	@mkdir -p $(@D)
	$(call quiet,CC,$@)$(CC) $(SAN_CFLAGS) $(RT_CPPFLAGS) -I tests/runtime -I tests/common -MMD -MP -c -o $@ $<

$(RT_TEST_BIN): $(RT_TEST_OBJ) $(RT_SAN_LIB)
	@mkdir -p $(@D)
	$(call quiet,LINK,$@)$(CC) $(SAN_CFLAGS) $(LDFLAGS) -o $@ $(RT_TEST_OBJ) $(RT_SAN_LIB) $(TEST_LDLIBS) $(LDLIBS)

check-runtime: $(RT_TEST_BIN) $(RT_LIB) $(RT_ARM_LIB) check-runtime-specs | deps
	$(call quiet,TEST,$(RT_TEST_BIN))$(CHECK_ENV) $(RT_TEST_BIN)

# The C outputs of every valid golden spec and of the systems of
# tests/specs/systems/ (several machines, machine arrays, pools, no
# params...) go through Ragel and compile warning-free with the runtime:
# the emitters must not only work for model/issu.fsm.
RT_SPECS := $(sort $(wildcard tests/golden/valid/*.fsm tests/specs/systems/*.fsm))
check-runtime-specs: $(REL_BIN) $(REL_FLAGS) | deps
	$(call quiet,CHECK,C of tests/golden/valid/*.fsm)set -e; for f in $(RT_SPECS); do \
		d=$(O)/gen-c-specs/`basename $$f .fsm`; mkdir -p $$d; \
		$(REL_BIN) --c-ids $$d/issu_ids.h --ragel $$d/issu.rl --c-glue $$d/issu_glue.c \
			--c-monitors $$d/issu_monitors.c $$f; \
		(cd $$d && $(RAGEL) $(RAGEL_FLAGS) -o issu_fsm.c issu.rl); \
		for c in $(RT_SRC) $$d/issu_glue.c $$d/issu_monitors.c $$d/issu_fsm.c; do \
			$(CC) $(REL_CFLAGS) -I runtime -I $$d \
				`case $$c in */issu_fsm.c) echo '$(RT_FSM_RELAX)';; esac` \
				-c -o $$d/`basename $$c .c`.o $$c || { echo "in $$f" >&2; exit 1; }; \
		done; \
	done

# The runtime's system of machines (issu_sys) on a spec of its own,
# tests/system/system.fsm (a coordinator and an array of workers): the
# runtime is compiled again with that spec's identifiers.
SY_SPEC := tests/system/system.fsm
SY_GEN := $(O)/system/gen-c
SY_STAMP := $(SY_GEN)/.generated
SY_CTRL_C := $(SY_GEN)/issu_fsm.c $(SY_GEN)/issu_glue.c $(SY_GEN)/issu_monitors.c
SY_OBJ := $(RT_SRC:runtime/%.c=$(O)/system/rt/%.o) $(SY_CTRL_C:$(SY_GEN)/%.c=$(O)/system/rt/%.o) \
	$(O)/system/test_system.o $(CU_OBJ)
SY_TEST_BIN := $(O)/asan/tests/system-tests

$(SY_STAMP): $(SY_SPEC) $(REL_BIN)
	@mkdir -p $(SY_GEN)
	$(call quiet,GEN,$(SY_GEN)/ from $(SY_SPEC))$(REL_BIN) --c-ids $(SY_GEN)/issu_ids.h \
		--ragel $(SY_GEN)/issu.rl --c-glue $(SY_GEN)/issu_glue.c --c-monitors $(SY_GEN)/issu_monitors.c $(SY_SPEC)
	@touch $@

$(SY_GEN)/issu_ids.h $(SY_GEN)/issu.rl $(SY_GEN)/issu_glue.c $(SY_GEN)/issu_monitors.c: $(SY_STAMP) ;

$(SY_GEN)/issu_fsm.c: $(SY_GEN)/issu.rl mk/runtime.mk | deps
	$(call quiet,RAGEL,$@)cd $(SY_GEN) && $(RAGEL) $(RAGEL_FLAGS) -o issu_fsm.c issu.rl

$(O)/system/rt/%.o: runtime/%.c $(SY_STAMP) $(SAN_FLAGS)
	@mkdir -p $(@D)
	$(call quiet,CC,$@)$(CC) $(SAN_CFLAGS) -I runtime -I $(SY_GEN) -MMD -MP -c -o $@ $<

$(O)/system/rt/%.o: $(SY_GEN)/%.c $(SY_STAMP) $(SAN_FLAGS)
	@mkdir -p $(@D)
	$(call quiet,CC,$@)$(CC) $(SAN_CFLAGS) $(if $(filter issu_fsm,$*),$(RT_FSM_RELAX)) -I runtime -I $(SY_GEN) -MMD -MP -c -o $@ $<

$(O)/system/test_system.o: tests/system/test_system.c $(SY_STAMP) $(SAN_FLAGS)
	@mkdir -p $(@D)
	$(call quiet,CC,$@)$(CC) $(SAN_CFLAGS) -I runtime -I $(SY_GEN) -I tests/common -MMD -MP -c -o $@ $<

$(SY_TEST_BIN): $(SY_OBJ)
	@mkdir -p $(@D)
	$(call quiet,LINK,$@)$(CC) $(SAN_CFLAGS) $(LDFLAGS) -o $@ $(SY_OBJ) $(TEST_LDLIBS) $(LDLIBS)

.PHONY: check-system
check-system: $(SY_TEST_BIN) | deps
	$(call quiet,TEST,$(SY_TEST_BIN))$(CHECK_ENV) $(SY_TEST_BIN)

CHECK_STEPS += check-system

RT_BENCH_BIN := $(O)/bin/issu-bench
$(O)/bench/%.o: tests/runtime/bench/%.c $(RT_IDS) $(REL_FLAGS)
	@mkdir -p $(@D)
	$(call quiet,CC,$@)$(CC) $(REL_CFLAGS) $(GEN_CPPFLAGS) $(RT_CPPFLAGS) -MMD -MP -c -o $@ $<

$(RT_BENCH_BIN): $(O)/bench/bench.o $(RT_LIB)
	@mkdir -p $(@D)
	$(call quiet,LINK,$@)$(CC) $(REL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

bench: $(RT_BENCH_BIN)
	@$(RT_BENCH_BIN)

CHECK_STEPS += check-runtime

-include $(SY_OBJ:.o=.d) $(RT_OBJ:.o=.d) $(RT_SAN_OBJ:.o=.d) $(RT_TEST_OBJ:.o=.d) $(RT_ARM_CTRL_OBJ:.o=.d) $(RT_ARM_RT_OBJ:.o=.d)
