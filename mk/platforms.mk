# mk/platforms.mk: the platform backends and the issu CLI (platforms/).
#
#   $(PF_LIB), $(PF_SAN_LIB)   simulation core (platforms/sim) + chassis layer
#                              (platforms/chassis) + families (platforms/families)
#                              + the spec's reference plant ($(RT_PLANT_C), generated)
#                              + replay + CLI modules, release / sanitizer
#   $(PF_BIN)                  build/bin/issu, linked with $(RT_LIB) (mk/runtime.mk)
#   $(PF_SAN_BIN)              the same with the sanitizers, driven by the tests
#   $(PF_TEST_BIN)             CUnit tests (tests/platforms/), in 'make check'
#   make run                   also runs 'issu upgrade --platform mx480 --yes'
#
# Everything here is plain C99 (no POSIX) except the tests, which fork the
# CLI, and platforms/cli/cli_package.c, which writes its outputs through
# temporary files renamed into place (mkstemp, fsync).  The CLI's package
# verification uses OpenSSL's libcrypto (Ed25519, SHA-256): the issu
# binaries and the tests link $(PF_LDLIBS); the runtime never does.  The
# objects depend on $(RT_IDS) and $(RT_PLANT_H) because the chassis
# layer and the CLI include the generated identifiers and plant.  The
# generated plant (issu_plant.c) is compiled into the platform library, not
# into libissu: it is the simulated world, never firmware.
#
# mk/runtime.mk is read after this file (mk/*.mk in name order), so its
# variables are referenced as $$(RT_...) in prerequisites (second expansion,
# after every makefile is read) and with '=' in variables.

.SECONDEXPANSION:

PF_SIM_SRC := $(sort $(wildcard platforms/sim/*.c))
PF_CHASSIS_SRC := $(sort $(wildcard platforms/chassis/*.c))
PF_FAMILY_SRC := $(sort $(wildcard platforms/families/*.c))
PF_CLI_SRC := $(sort $(wildcard platforms/cli/*.c))
PF_REPLAY_SRC := $(sort $(wildcard platforms/replay/*.c))
PF_MAIN := platforms/cli/issu.c
PF_LIB_SRC := $(PF_SIM_SRC) $(PF_CHASSIS_SRC) $(PF_FAMILY_SRC) $(PF_REPLAY_SRC) \
	$(filter-out $(PF_MAIN),$(PF_CLI_SRC))
PF_LDLIBS := -lcrypto
PF_CPPFLAGS = -I platforms/sim -I platforms/chassis -I platforms/families -I platforms/replay \
	-I platforms/cli $(RT_CPPFLAGS)

# The generated reference plant, one object per build.
PF_PLANT_OBJ := $(O)/platforms/gen/issu_plant.o
PF_SAN_PLANT_OBJ := $(O)/asan/platforms/gen/issu_plant.o

PF_OBJ := $(PF_LIB_SRC:%.c=$(O)/%.o) $(PF_PLANT_OBJ)
PF_SAN_OBJ := $(PF_LIB_SRC:%.c=$(O)/asan/%.o) $(PF_SAN_PLANT_OBJ)
PF_LIB := $(O)/lib/libissu-platforms.a
PF_SAN_LIB := $(O)/asan/lib/libissu-platforms.a
PF_BIN := $(O)/bin/issu
PF_SAN_BIN := $(O)/asan/bin/issu
PF_LIST := $(O)/.platform-sources

PF_TEST_SRC := $(sort $(wildcard tests/platforms/*.c))
PF_TEST_OBJ := $(PF_TEST_SRC:%.c=$(O)/asan/%.o) $(CU_OBJ)
PF_TEST_BIN := $(O)/asan/tests/platform-tests

$(PF_LIST): FORCE
	$(call write-stamp,$(PF_LIB_SRC) $(PF_TEST_SRC),list of platforms/ and tests/platforms/ sources)

$(O)/platforms/%.o: platforms/%.c $$(RT_IDS) $$(RT_PLANT_H) $(REL_FLAGS)
	@mkdir -p $(@D)
	$(call quiet,CC,$@)$(CC) $(REL_CFLAGS) $(PF_CPPFLAGS) -MMD -MP -c -o $@ $<

$(O)/asan/platforms/%.o: platforms/%.c $$(RT_IDS) $$(RT_PLANT_H) $(SAN_FLAGS)
	@mkdir -p $(@D)
	$(call quiet,CC,$@)$(CC) $(SAN_CFLAGS) $(PF_CPPFLAGS) -MMD -MP -c -o $@ $<

$(PF_PLANT_OBJ): $$(RT_PLANT_C) $$(RT_PLANT_H) $$(RT_IDS) $(REL_FLAGS)
	@mkdir -p $(@D)
	$(call quiet,CC,$@)$(CC) $(REL_CFLAGS) $(RT_CPPFLAGS) -MMD -MP -c -o $@ $(RT_PLANT_C)

$(PF_SAN_PLANT_OBJ): $$(RT_PLANT_C) $$(RT_PLANT_H) $$(RT_IDS) $(SAN_FLAGS)
	@mkdir -p $(@D)
	$(call quiet,CC,$@)$(CC) $(SAN_CFLAGS) $(RT_CPPFLAGS) -MMD -MP -c -o $@ $(RT_PLANT_C)

$(PF_LIB): $(PF_OBJ) $(PF_LIST)
	@mkdir -p $(@D)
	$(call quiet,AR,$@)rm -f $@ && $(AR) rcs $@ $(PF_OBJ)

$(PF_SAN_LIB): $(PF_SAN_OBJ) $(PF_LIST)
	@mkdir -p $(@D)
	$(call quiet,AR,$@)rm -f $@ && $(AR) rcs $@ $(PF_SAN_OBJ)

$(PF_BIN): $(O)/platforms/cli/issu.o $(PF_LIB) $$(RT_LIB)
	@mkdir -p $(@D)
	$(call quiet,LINK,$@)$(CC) $(REL_CFLAGS) $(LDFLAGS) -o $@ $< $(PF_LIB) $(RT_LIB) $(PF_LDLIBS) $(LDLIBS)

$(PF_SAN_BIN): $(O)/asan/platforms/cli/issu.o $(PF_SAN_LIB) $$(RT_SAN_LIB)
	@mkdir -p $(@D)
	$(call quiet,LINK,$@)$(CC) $(SAN_CFLAGS) $(LDFLAGS) -o $@ $< $(PF_SAN_LIB) $(RT_SAN_LIB) $(PF_LDLIBS) $(LDLIBS)

$(O)/asan/tests/platforms/%.o: tests/platforms/%.c $$(RT_IDS) $$(RT_PLANT_H) $(SAN_FLAGS)
	@mkdir -p $(@D)
	$(call quiet,CC,$@)$(CC) $(SAN_CFLAGS) $(GEN_CPPFLAGS) $(PF_CPPFLAGS) -I tests/platforms -I tests/common -MMD -MP -c -o $@ $<

$(PF_TEST_BIN): $(PF_TEST_OBJ) $(PF_SAN_LIB) $$(RT_SAN_LIB) $(PF_LIST)
	@mkdir -p $(@D)
	$(call quiet,LINK,$@)$(CC) $(SAN_CFLAGS) $(LDFLAGS) -o $@ $(PF_TEST_OBJ) $(PF_SAN_LIB) $(RT_SAN_LIB) $(TEST_LDLIBS) $(PF_LDLIBS) $(LDLIBS)

.PHONY: platforms check-platforms run-platforms campaign
platforms: $(PF_BIN) $(PF_SAN_BIN)
all: $(PF_BIN)

check-platforms: $(PF_TEST_BIN) $(PF_BIN) $(PF_SAN_BIN) | deps
	$(call quiet,TEST,$(PF_TEST_BIN))$(CHECK_ENV) ISSU_CLI='$(abspath $(PF_SAN_BIN))' $(PF_TEST_BIN)

# The fault campaign (tests/platforms, fault_campaign, part of
# check-platforms): every single fault point and every pair of them; the
# counts it prints, and the suite's verdict.
campaign: $(PF_TEST_BIN) $(PF_BIN) $(PF_SAN_BIN) | deps
	$(call quiet,TEST,$(PF_TEST_BIN): the fault campaign)$(CHECK_ENV) ISSU_CLI='$(abspath $(PF_SAN_BIN))' \
		$(PF_TEST_BIN) >$(O)/campaign.log 2>&1; rc=$$?; grep -E 'faults:|crash points:|on resume:' $(O)/campaign.log; \
		grep -A3 '^Run Summary' $(O)/campaign.log; exit $$rc

run-platforms: $(PF_BIN) | deps
	$(call quiet,RUN,issu upgrade --platform mx480 --yes)$(PF_BIN) upgrade --platform mx480 --yes

CHECK_STEPS += check-platforms
RUN_STEPS += run-platforms

-include $(PF_OBJ:.o=.d) $(PF_SAN_OBJ:.o=.d) $(PF_TEST_OBJ:.o=.d) \
	$(O)/platforms/cli/issu.d $(O)/asan/platforms/cli/issu.d
