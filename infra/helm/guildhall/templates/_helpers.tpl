{{/* The release's name for a service: <release>-<service>, cut to 63 characters. */}}
{{- define "guildhall.name" -}}
{{- printf "%s-%s" .root.Release.Name .service | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The image of a service: <registry>/<module>:<tag>. */}}
{{- define "guildhall.image" -}}
{{- printf "%s/%s:%s" .root.Values.image.registry (include "guildhall.module" .) (.root.Values.image.tag | default .root.Chart.AppVersion) -}}
{{- end -}}

{{/* The Maven module (and image) of a service: community-service, ..., gateway. */}}
{{- define "guildhall.module" -}}
{{- if eq .service "gateway" -}}gateway{{- else -}}{{ printf "%s-service" .service }}{{- end -}}
{{- end -}}

{{- define "guildhall.labels" -}}
app.kubernetes.io/name: {{ include "guildhall.module" . }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/part-of: guildhall
app.kubernetes.io/version: {{ .root.Values.image.tag | default .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{- define "guildhall.selector" -}}
app.kubernetes.io/name: {{ include "guildhall.module" . }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}
