-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN "sendNextAt" DATETIME;
ALTER TABLE "Workspace" ADD COLUMN "sendPace" TEXT;

