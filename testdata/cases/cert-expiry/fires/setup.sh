# mx1's certificate expired on 2026-12-01, mx2's expires on 2026-12-20,
# within 30 days of the reference time 2026-12-04.
pki_ca_dated .pki root - 20200101000000Z 20400101000000Z &&
	pki_ca_dated .pki intermediate root 20200101000000Z 20400101000000Z ||
	return 1
for h in mx1:20261201000000Z mx2:20261220000000Z; do
	name=${h%%:*}
	mkdir -p certs/$name.example.net
	pki_cert_dated .pki $name $name.example.net intermediate \
		20260901000000Z "${h#*:}" &&
		cat .pki/$name.pem .pki/intermediate.pem \
			>certs/$name.example.net/fullchain.pem &&
		pki_key .pki next$name p256 &&
		pki_pubkey .pki/next$name.key >certs/$name.example.net/next.pem ||
		return 1
done
