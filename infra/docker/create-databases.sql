-- One database per service (docker-compose only; the embedded stack creates them itself).
CREATE DATABASE community;
CREATE DATABASE event;
CREATE DATABASE membership;
CREATE DATABASE analytics;
