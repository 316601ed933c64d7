#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Real public zone files (../shared/realzones): no crash, no hang, and the
# verdicts checked by hand stay as they are.
. "$TESTS_DIR/lib/e2e.sh"

shared=$(cd "$TESTS_DIR/../.." && pwd)/shared/realzones
if [ ! -d "$shared" ]; then
	echo "skip: $shared not present"
	exit 0
fi
cp -R "$shared" "$work/zones" && cd "$work/zones" && git init -q . || exit 2

# FILE EXPECTED [ORIGIN]: EXPECTED lists "RULE=COUNT" pairs, exactly.
# danelint finds each origin itself (SOA owner, $ORIGIN or file name)
# unless ORIGIN is given: the data set renamed two files that have none.
check_file() {
	timeout 60 "$DANELINT" check --no-config ${3:+--origin "$3"} "$1" \
		>"$work/out" 2>"$work/err"
	status=$?
	if [ "$status" -ge 2 ]; then
		fail "$1: exit status $status"
		cat "$work/err" >&2
		return
	fi
	got=$(sed -n 's/.*\[\([a-z0-9-]*\)\]$/\1/p' "$work/out" | sort |
		uniq -c | awk '{printf "%s=%s ", $2, $1}')
	if [ "$got" != "$2" ]; then
		fail "$1: got '$got', expected '$2'"
	fi
}

# The kgaughan zone files carry no DNSKEY, so each gets one
# tlsa-unsigned-zone note. Whether their name server signs them is unknown.
check_file kgaughan__zones/talideon.com.zone \
	"tlsa-not-311=1 tlsa-unsigned-zone=1 "
check_file kgaughan__zones/talideon.com.zone@83e8953 \
	"tlsa-not-311=7 tlsa-unsigned-zone=1 "
check_file kgaughan__zones/talideon.com \
	"tlsa-not-311=8 tlsa-pkix-usage=1 tlsa-single-record=9 "\
"tlsa-unsigned-zone=1 "
check_file kgaughan__zones/stereochro.me.zone \
	"tlsa-not-311=1 tlsa-unsigned-zone=1 "
# Every MX record there names mail, so the _25._tcp RRsets of the eight
# other host names are orphans.
for z in manna.uno pheanex.de manna.koeln; do
	check_file pheanex__server-provisioning/roles_bind_templates_$z \
		"tlsa-not-311=27 tlsa-orphan=8 tlsa-single-record=27 "
done
check_file ocf__dns/tree/etc/zones/db.ocf.berkeley.edu ""
check_file bsdlp__dns/zones_voltaire.sh ""
check_file javajawa__teacats-zonefiles/etc_bind_dns-zones_uk.co.tea-cats ""
check_file argvc__nsd-zonefiles/zone_arg.vc.zone ""
check_file suhaibchaudhry__dns-zones/db.uitoux.com ""
check_file Jmainguy__infra/roles_dns_files_standouthost.com ""
check_file miraheze__dns/zones_wikitide.org "zone-syntax=3 "
# Three CAA owners written without their trailing dot.
check_file RobinVdBroeck__systeembeheer-backup/bind_zones_db.robin-vandenbroeck.sb.uclllabs.be \
	"name-origin-doubled=3 " robin-vandenbroeck.sb.uclllabs.be
# NS names of the parent zone without their dot ("ns1.uclllabs.be") get
# the origin appended once only, which name-origin-doubled does not find.
check_file Matipatati1__systeeembeheer/bind_db.matthias-friede.sb.uclllabs.be \
	"" matthias-friede.sb.uclllabs.be
finish
