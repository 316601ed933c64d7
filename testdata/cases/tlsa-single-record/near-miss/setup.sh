# One current key, covered by the certificate directory.
mkdir -p certs/mx1.example.net
pki_cert .pki mx1 mx1.example.net - 365 &&
	cp .pki/mx1.pem certs/mx1.example.net/fullchain.pem
