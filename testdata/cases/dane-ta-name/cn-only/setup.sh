# A leaf without subjectAltName, whose subject CN names the host.
mkdir -p certs/mx1.example.net
pki_ca .pki root && pki_ca .pki intermediate root &&
	pki_key .pki leaf p256 &&
	openssl req -new -key .pki/leaf.key -subj /CN=mx1.example.net \
		-out .pki/leaf.req &&
	openssl x509 -req -in .pki/leaf.req -days 90 -CA .pki/intermediate.pem \
		-CAkey .pki/intermediate.key -set_serial 7 -out .pki/leaf.pem \
		2>/dev/null &&
	cat .pki/leaf.pem .pki/intermediate.pem \
		>certs/mx1.example.net/fullchain.pem &&
	pki_key .pki next p256 &&
	pki_pubkey .pki/next.key >certs/mx1.example.net/next.pem &&
	# The certificates start now: check them now, not at the usual time.
	echo "--now $(date -u +%Y-%m-%dT%H:%M:%SZ)" >args
