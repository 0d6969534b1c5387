# mk/plant.mk: the reference plant (`issu-gen --c-plant-h/--c-plant`:
# issu_plant.h and issu_plant.c, the spec's world in C for simulators and
# tests; mk/runtime.mk generates the one of $(SPEC) as $(RT_PLANT_C)).
#
#   make check-plant   (part of make check) the CUnit tests of the plant of
#                      tests/plant/plant.fsm (tests/plant/test_plant.c),
#                      sanitizer build, generated in $(O)/plant/gen-c; and
#                      the plant of $(SPEC), of every valid golden spec and
#                      of every spec of tests/specs/systems/ compiles
#                      warning-free: the emitter must work for any spec
#
# Read before runtime.mk (mk/*.mk in name order): its variables are used
# with second expansion ($$) in prerequisites, or in recipes.

.SECONDEXPANSION:

PL_SPEC := tests/plant/plant.fsm
PL_GEN := $(O)/plant/gen-c
PL_STAMP := $(PL_GEN)/.generated
PL_OBJ := $(O)/plant/issu_plant.o $(O)/plant/test_plant.o $(CU_OBJ)
PL_TEST_BIN := $(O)/asan/tests/plant-tests
PL_SPECS := $(sort $(wildcard tests/golden/valid/*.fsm tests/specs/systems/*.fsm))

$(PL_STAMP): $(PL_SPEC) $(REL_BIN)
	@mkdir -p $(PL_GEN)
	$(call quiet,GEN,$(PL_GEN)/ from $(PL_SPEC))$(REL_BIN) --c-ids $(PL_GEN)/issu_ids.h \
		--c-plant-h $(PL_GEN)/issu_plant.h --c-plant $(PL_GEN)/issu_plant.c $(PL_SPEC)
	@touch $@

$(PL_GEN)/issu_ids.h $(PL_GEN)/issu_plant.h $(PL_GEN)/issu_plant.c: $(PL_STAMP) ;

$(O)/plant/issu_plant.o: $(PL_GEN)/issu_plant.c $(PL_STAMP) $(SAN_FLAGS)
	@mkdir -p $(@D)
	$(call quiet,CC,$@)$(CC) $(SAN_CFLAGS) -I runtime -I $(PL_GEN) -MMD -MP -c -o $@ $<

$(O)/plant/test_plant.o: tests/plant/test_plant.c $(PL_STAMP) $(SAN_FLAGS)
	@mkdir -p $(@D)
	$(call quiet,CC,$@)$(CC) $(SAN_CFLAGS) -I runtime -I $(PL_GEN) -I tests/common -MMD -MP -c -o $@ $<

$(PL_TEST_BIN): $(PL_OBJ)
	@mkdir -p $(@D)
	$(call quiet,LINK,$@)$(CC) $(SAN_CFLAGS) $(LDFLAGS) -o $@ $(PL_OBJ) $(TEST_LDLIBS) $(LDLIBS)

.PHONY: check-plant check-plant-specs
check-plant: $(PL_TEST_BIN) check-plant-specs | deps
	$(call quiet,TEST,$(PL_TEST_BIN))$(CHECK_ENV) $(PL_TEST_BIN)

# The plant of $(SPEC) as runtime.mk generates it, then every other spec's.
check-plant-specs: $(REL_BIN) $(REL_FLAGS) $$(RT_PLANT_C) | deps
	$(call quiet,CHECK,the plant of $(SPEC) and of each spec of tests/)set -e; \
		mkdir -p $(O)/plant; \
		$(CC) $(REL_CFLAGS) -I runtime -I $(RT_GEN) -c -o $(O)/plant/spec-plant.o $(RT_PLANT_C); \
		for f in $(PL_SPECS); do \
		d=$(O)/plant/specs/`basename $$f .fsm`; mkdir -p $$d; \
		$(REL_BIN) --c-ids $$d/issu_ids.h --c-plant-h $$d/issu_plant.h --c-plant $$d/issu_plant.c $$f; \
		$(CC) $(REL_CFLAGS) -I runtime -I $$d -c -o $$d/issu_plant.o $$d/issu_plant.c \
			|| { echo "in $$f" >&2; exit 1; }; \
	done

CHECK_STEPS += check-plant

-include $(PL_OBJ:.o=.d)
