-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "slackName" TEXT;

