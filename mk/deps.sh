#!/bin/sh
# mk/deps.sh: checks that this machine has what the build needs and names
# the Debian packages that are missing. As root with apt-get it installs
# them; otherwise it prints the apt-get command and fails.
# ISSU_NO_INSTALL=1: never install, only report.
# Silent, exit 0, when everything is present.
set -eu

pkgs=

# need PKG...: add each package to $pkgs once.
need() {
	for p in "$@"; do
		case " $pkgs " in
		*" $p "*) ;;
		*) pkgs="${pkgs:+$pkgs }$p" ;;
		esac
	done
}

have() {
	command -v "$1" >/dev/null 2>&1
}

# scan: set $pkgs to the Debian packages whose files are missing.
scan() {
	pkgs=
	have cc || have gcc || need gcc
	have make || need make
	have ragel || need ragel
	have spin || need spin
	have dot || need graphviz
	# With --no-install-recommends the cross compiler comes without its
	# C library, so newlib is checked on its own.
	have arm-none-eabi-gcc || need gcc-arm-none-eabi
	test -f /usr/lib/arm-none-eabi/newlib/libc.a ||
		need libnewlib-arm-none-eabi
	test -f /usr/include/CUnit/Basic.h || need libcunit1-dev
	# the CLI's signed packages (Ed25519, SHA-256): libcrypto
	test -f /usr/include/openssl/evp.h || need libssl-dev
	# libFuzzer (make fuzz, check-fuzz): clang and its runtime library
	have clang || need clang
	ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1 ||
		need "libclang-rt-$(clang_major)-dev"
}

# clang_major: the major version of the clang Debian installs (14 on
# Debian 12), from the installed clang if there is one.
clang_major() {
	v=$(clang --version 2>/dev/null | sed -n 's/.*clang version \([0-9][0-9]*\).*/\1/p' | head -1)
	echo "${v:-14}"
}

report() {
	echo "deps: missing Debian packages: $pkgs" >&2
	if [ "$(id -u)" -eq 0 ]; then
		echo "deps: run: apt-get install $pkgs" >&2
	else
		echo "deps: run: sudo apt-get install $pkgs" >&2
	fi
	exit 1
}

scan
[ -z "$pkgs" ] && exit 0

if [ "${ISSU_NO_INSTALL:-0}" = 1 ] || [ "$(id -u)" -ne 0 ] || ! have apt-get
then
	report
fi

echo "deps: installing $pkgs"
# Word splitting of $pkgs is intended: one argument per package.
# shellcheck disable=SC2086
{
	apt-get update -qq &&
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		--no-install-recommends -o DPkg::Lock::Timeout=600 $pkgs
} || {
	echo "deps: apt-get failed" >&2
	report
}

scan
[ -z "$pkgs" ] || report
